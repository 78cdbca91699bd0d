/**
 * `pnpm bench`: otelware against no tracing and the official auto-instrumentation,
 * per framework, plus the fetch loop, on the Node.js line of `BENCH_NODE` with the
 * OpenTelemetry SDK line that goes with it. See docs/benchmarks.md for what is measured.
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import type { SdkLine } from '../../platforms/sdk-line.cjs';
import { benchFetch } from './bench-fetch';
import { benchFramework } from './bench-framework';
import { benchNodeLine, rerunOnBenchNode, selectSdkLine } from './bench-platform';
import { hasTaskset } from './child-process';
import { readConfig, type BenchConfig } from './config';
import {
  countFramework,
  formatInstructionTable,
  hasCallgrind,
  type InstructionRow,
} from './instructions';
import { profileFramework } from './profile';
import { formatTable, type VariantRow } from './table';
import { versionsMeasured } from './versions';

const benchDir = path.resolve(import.meta.dirname, '..');
const LOAD_CPU = 1;

function log(line: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

/** The runner (and autocannon in it) on one core, the servers on the other. */
function pinRunner(): boolean {
  if (!hasTaskset() || os.cpus().length < 2) return false;
  execFileSync('taskset', ['-pc', String(LOAD_CPU), String(process.pid)], { stdio: 'ignore' });
  return true;
}

function describeRun(config: BenchConfig, line: SdkLine, pinned: boolean): string {
  return [
    `Node.js ${process.version} (BENCH_NODE=${benchNodeLine()}, ${process.execPath}), ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, ${pinned ? 'servers on CPU 0, load on CPU 1 (taskset)' : 'not pinned'}`,
    config.instructions
      ? `BENCH_INSTRUCTIONS=1 BENCH_INSTR_REQUESTS=${config.instructionRequests} BENCH_INSTR_REPEATS=${config.instructionRepeats} BENCH_FRAMEWORKS=${config.frameworks.join(',')} BENCH_VARIANTS=${config.variants?.join(',') ?? ''}`
      : `BENCH_DURATION=${config.duration} BENCH_WARMUP=${config.warmup} BENCH_ROUNDS=${config.rounds} BENCH_CONNECTIONS=${config.connections} BENCH_FRAMEWORKS=${config.frameworks.join(',')} BENCH_FETCH_CONCURRENCY=${config.fetchConcurrency}`,
    versionsMeasured(benchDir, line),
  ].join('\n');
}

async function main(): Promise<void> {
  const exitCode = await rerunOnBenchNode(benchDir, path.join(benchDir, 'src', 'main.ts'));
  if (exitCode !== undefined) process.exit(exitCode);
  const line = selectSdkLine();
  const config = readConfig();
  log(`Node.js ${process.version}, OpenTelemetry JS SDK ${line}`);
  const pinned = pinRunner();
  const startedAt = Date.now();
  if (config.profile) {
    for (const framework of config.frameworks) {
      console.log(`${await profileFramework(benchDir, framework, config, log)}\n`);
    }
    return;
  }
  if (config.instructions) return countInstructions(config, line, pinned, startedAt);
  const rows: VariantRow[] = [];
  for (const framework of config.frameworks) {
    rows.push(...(await benchFramework(benchDir, framework, config, log)));
  }
  if (config.fetch) rows.push(...(await benchFetch(benchDir, config, log)));
  console.log(`\n${describeRun(config, line, pinned)}\n`);
  console.log(formatTable(rows));
  console.log(
    `\nmedian over ${config.rounds} rounds (min–max); ratios are per round against bare (fetch: against untraced), then the median. ${Math.round((Date.now() - startedAt) / 1000)} s in all.`,
  );
}

async function countInstructions(
  config: BenchConfig,
  line: SdkLine,
  pinned: boolean,
  startedAt: number,
): Promise<void> {
  if (!hasCallgrind()) throw new Error('BENCH_INSTRUCTIONS=1 needs valgrind (callgrind)');
  const rows: InstructionRow[] = [];
  for (const framework of config.frameworks) {
    rows.push(...(await countFramework(benchDir, framework, config, log)));
  }
  console.log(`\n${describeRun(config, line, pinned)}\n`);
  console.log(formatInstructionTable(rows));
  console.log(
    `\ninstructions counted by callgrind in the server process over ${config.instructionRequests} requests per variant and count, after a warm-up (kernel time not included); the median of ${config.instructionRepeats} count(s), (min–max) when more than one. ${Math.round((Date.now() - startedAt) / 1000)} s in all.`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
