import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { SERVER_CPU, selectedVariants, type Log } from './bench-framework';
import type { BenchConfig } from './config';
import { sendRequests } from './load';
import { roundOrder, spread, type Spread } from './stats';
import { startServer } from './start-server';
import { formatTargets, instructionTargets } from './targets';
import { verifyServer } from './verify-server';
import type { Framework, ServerVariantSpec } from './variants';

/**
 * `BENCH_INSTRUCTIONS=1`: CPU instructions per request, counted by valgrind's
 * callgrind in the server process. Unlike req/s they do not move with what else
 * the machine runs, so two runs, or a change and its parent, can be compared
 * closely (see docs/benchmarks.md for how closely). They leave out the kernel's share (loopback TCP), so the ratios to
 * bare are lower than throughput ratios; they say where user-space time goes.
 */

/** Requests that warm the server up, uninstrumented (valgrind runs them fast). */
const WARMUP_REQUESTS = 5000;
/** Requests after instrumentation is turned on, before counting: valgrind translates the code anew. */
const SETTLE_REQUESTS = 300;
/** One request at a time: with more, how many a wake-up reads depends on timing, and so does the count. */
const CONNECTIONS = 1;

export interface InstructionRow {
  readonly framework: Framework;
  readonly variant: string;
  /** Instructions per request: the median of the repeats, and their range. */
  readonly perRequest: Spread;
}

export function hasCallgrind(): boolean {
  try {
    execFileSync('valgrind', ['--version'], { stdio: 'ignore' });
    execFileSync('callgrind_control', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function callgrindControl(pid: number, ...args: string[]): void {
  execFileSync('callgrind_control', [...args, String(pid)], { stdio: 'ignore' });
}

function countedInstructions(outFile: string): number {
  const totals = /^totals: (\d+)/m.exec(readFileSync(outFile, 'utf8'));
  if (totals === null) throw new Error(`no totals in ${outFile}`);
  return Number(totals[1]);
}

async function countVariant(
  benchDir: string,
  framework: Framework,
  variant: ServerVariantSpec,
  requests: number,
  dir: string,
): Promise<number> {
  const outFile = path.join(dir, `${framework}.${variant.name}.callgrind`);
  const server = await startServer({
    benchDir,
    framework,
    variant,
    cpu: SERVER_CPU,
    // V8's compiler and GC helpers run on the main thread, so they are counted too. (Its GC
    // heuristics still follow measured speeds: compare variants counted in one run.)
    nodeArgs: ['--single-threaded'],
    // the batch processor exports full batches only, not also every 5 s of (valgrind-slowed) time
    env: { OTEL_BSP_SCHEDULE_DELAY: String(24 * 3600 * 1000) },
    wrapper: [
      'valgrind',
      '--quiet',
      '--tool=callgrind',
      '--instr-atstart=no',
      `--callgrind-out-file=${outFile}`,
    ],
  });
  const pid = server.pid!;
  try {
    const verdict = await verifyServer(server, variant);
    if (!verdict.ok)
      throw new Error(`${framework} ${variant.name}: ${verdict.problems.join('; ')}`);
    let failures = await sendRequests(server.port, WARMUP_REQUESTS, CONNECTIONS);
    callgrindControl(pid, '--instr=on');
    failures += await sendRequests(server.port, SETTLE_REQUESTS, CONNECTIONS);
    callgrindControl(pid, '--zero');
    failures += await sendRequests(server.port, requests, CONNECTIONS);
    callgrindControl(pid, '--instr=off');
    if (failures > 0) throw new Error(`${framework} ${variant.name}: ${failures} failed requests`);
  } finally {
    await server.stop(60_000); // the profile is written on exit
  }
  return countedInstructions(outFile) / requests;
}

/**
 * Counts every selected variant of `framework`, one server at a time, repeated in
 * alternating order (`BENCH_INSTR_REPEATS`). Traced variants move between counts
 * by more than a single count can tell apart (see docs/benchmarks.md): compare medians.
 */
export async function countFramework(
  benchDir: string,
  framework: Framework,
  config: BenchConfig,
  log: Log,
): Promise<InstructionRow[]> {
  const dir = path.join(benchDir, 'profiles', 'callgrind');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const variants = selectedVariants(config);
  const counts = new Map<ServerVariantSpec, number[]>(variants.map((variant) => [variant, []]));
  for (let repeat = 0; repeat < config.instructionRepeats; repeat++) {
    for (const variant of roundOrder(variants, repeat)) {
      const perRequest = await countVariant(
        benchDir,
        framework,
        variant,
        config.instructionRequests,
        dir,
      );
      log(`${framework} ${variant.name}: ${(perRequest / 1000).toFixed(1)}k instructions/request`);
      counts.get(variant)!.push(perRequest);
    }
  }
  return variants.map((variant) => ({
    framework,
    variant: variant.name,
    perRequest: spread(counts.get(variant)!),
  }));
}

function thousands(value: number): string {
  return (value / 1000).toFixed(1);
}

/**
 * A Markdown table: thousands of instructions per request (median, and the range
 * when counted more than once), and bare's median over each variant's.
 */
export function formatInstructionTable(rows: readonly InstructionRow[]): string {
  const lines = rows.map((row) => {
    const bare = rows.find((other) => other.framework === row.framework && other.variant === 'bare')
      ?.perRequest.median;
    const { median, min, max } = row.perRequest;
    const count =
      min === max
        ? thousands(median)
        : `${thousands(median)} (${thousands(min)}–${thousands(max)})`;
    const ratio = bare === undefined ? '–' : (bare / median).toFixed(2);
    const added = bare === undefined ? '–' : thousands(median - bare);
    return `| ${row.framework} | ${row.variant} | ${count} | ${added} | ${ratio} |`;
  });
  return [
    '| framework | variant | k instructions / request | added to bare (k) | bare ÷ variant |',
    '| --- | --- | ---: | ---: | ---: |',
    ...lines,
  ].join('\n');
}

export const INSTRUCTION_TARGETS_LEGEND =
  'Each line divides the median instructions per request of two variants counted in this run. `–`: a variant not counted (`BENCH_VARIANTS`).';

/** T2' and T3 on instruction counts for one framework, one line each. */
export function formatInstructionTargets(
  framework: Framework,
  rows: readonly InstructionRow[],
): string {
  const counts = rows
    .filter((row) => row.framework === framework)
    .map((row): [string, number] => [row.variant, row.perRequest.median]);
  return formatTargets(framework, instructionTargets(new Map(counts)));
}
