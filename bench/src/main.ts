/**
 * `pnpm bench`: otelware against no tracing and the official auto-instrumentation,
 * per framework, plus the fetch loop, on the Node.js line of `BENCH_NODE` with the
 * OpenTelemetry SDK line that goes with it. See docs/benchmarks.md for what is measured.
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import type { SdkLine } from '../../platforms/sdk-line.cjs';
import { benchFetch, type FetchResult } from './bench-fetch';
import { benchFramework, type FrameworkResult } from './bench-framework';
import { benchNodeLine, rerunOnBenchNode, selectSdkLine } from './bench-platform';
import { hasTaskset } from './child-process';
import { readConfig, type BenchConfig } from './config';
import {
  countFramework,
  formatInstructionTable,
  formatInstructionTargets,
  hasCallgrind,
  INSTRUCTION_TARGETS_LEGEND,
  type InstructionRow,
} from './instructions';
import { profileFramework } from './profile';
import { formatTable } from './table';
import { formatFetchReport, formatFrameworkReport, TARGETS_LEGEND } from './target-report';
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
      : `BENCH_DURATION=${config.duration} BENCH_WARMUP=${config.warmup} BENCH_ROUNDS=${config.rounds} BENCH_CONNECTIONS=${config.connections} BENCH_RATE=${config.rate ? 1 : 0} BENCH_RATE_ROUNDS=${config.rateRounds} BENCH_FRAMEWORKS=${config.frameworks.join(',')} BENCH_VARIANTS=${config.variants?.join(',') ?? ''} BENCH_FETCH=${config.fetch ? 1 : 0} BENCH_FETCH_CONCURRENCY=${config.fetchConcurrency}`,
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
  const frameworks = new Map<string, FrameworkResult>();
  for (const framework of config.frameworks) {
    frameworks.set(framework, await benchFramework(benchDir, framework, config, log));
  }
  const fetch = config.fetch ? await benchFetch(benchDir, config, log) : undefined;
  console.log(`\n${describeRun(config, line, pinned)}\n`);
  printThroughput(frameworks, fetch, config);
  console.log(`\n${Math.round((Date.now() - startedAt) / 1000)} s in all.`);
}

function printThroughput(
  frameworks: ReadonlyMap<string, FrameworkResult>,
  fetch: FetchResult | undefined,
  config: BenchConfig,
): void {
  const rows = [...frameworks.values()].flatMap((result) => result.rows);
  console.log(formatTable(fetch === undefined ? rows : [...rows, ...fetch.rows]));
  console.log(
    `\nmedian over ${config.rounds} rounds (min–max); ratios are per round against bare (fetch: against untraced), then the median.`,
  );
  console.log(`\n## Added CPU and issue 23's targets\n\n${TARGETS_LEGEND}`);
  for (const [framework, result] of frameworks) {
    console.log(`\n${formatFrameworkReport(framework, result)}`);
  }
  if (fetch !== undefined) console.log(`\n${formatFetchReport(fetch)}`);
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
    `\ninstructions counted by callgrind in the server process over ${config.instructionRequests} requests per variant and count, after a warm-up (kernel time not included); the median of ${config.instructionRepeats} count(s), (min–max) when more than one.`,
  );
  console.log(`\n## Issue 23's instruction targets\n\n${INSTRUCTION_TARGETS_LEGEND}\n`);
  for (const framework of config.frameworks) {
    console.log(formatInstructionTargets(framework, rows));
  }
  console.log(`\n${Math.round((Date.now() - startedAt) / 1000)} s in all.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
