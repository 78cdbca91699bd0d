import { addedCpu, type AddedCpu } from './added-cpu';
import { SERVER_CPU, type Log } from './bench-framework';
import type { BenchChild } from './child-process';
import type { BenchConfig } from './config';
import {
  FETCH_VARIANTS,
  startFetchLoop,
  startFetchTarget,
  verifyFetchLoop,
  type FetchVariant,
} from './fetch-variants';
import { column, ratios, roundOrder, spread } from './stats';
import type { VariantRow } from './table';

const LOOP_CPU = 1;

export interface LoopRun {
  readonly callsPerSecond: number;
  /** CPU time of the loop process per call, µs. */
  readonly cpuPerCall: number;
}

export async function runLoop(
  loop: BenchChild,
  seconds: number,
  concurrency: number,
): Promise<LoopRun> {
  const ran = await loop.ask({ type: 'run', seconds, concurrency }, 'ran', (seconds + 30) * 1000);
  if (ran.errors > 0) throw new Error(`the fetch loop had ${ran.errors} failed calls`);
  return {
    callsPerSecond: ran.calls / ran.seconds,
    cpuPerCall: ran.cpuMicros / Math.max(1, ran.calls),
  };
}

export interface FetchResult {
  readonly rows: VariantRow[];
  /** CPU per call each variant adds to `untraced`'s. */
  readonly added: AddedCpu[];
}

/**
 * A loop of fetch calls to a local `node:http` server: untraced, traced by otelware
 * (sampled), traced but unsampled. Target and loops are separate processes on
 * separate CPUs; variants alternate in rounds as the server benchmark does.
 */
export async function benchFetch(
  benchDir: string,
  config: BenchConfig,
  log: Log,
): Promise<FetchResult> {
  const target = await startFetchTarget(benchDir, SERVER_CPU);
  const loops = new Map<FetchVariant, BenchChild>();
  try {
    for (const variant of FETCH_VARIANTS) {
      const loop = await startFetchLoop({
        benchDir,
        variant,
        targetPort: target.port,
        cpu: LOOP_CPU,
      });
      loops.set(variant, loop);
      const problems = await verifyFetchLoop(loop, variant);
      if (problems.length > 0) throw new Error(`fetch ${variant}: ${problems.join('; ')}`);
    }
    log('fetch: the variants trace as they should; warming up');
    for (const loop of loops.values()) await runLoop(loop, config.warmup, config.fetchConcurrency);
    const runs = new Map<FetchVariant, LoopRun[]>(FETCH_VARIANTS.map((v) => [v, []]));
    for (let round = 0; round < config.rounds; round++) {
      for (const variant of roundOrder(FETCH_VARIANTS, round)) {
        const run = await runLoop(loops.get(variant)!, config.duration, config.fetchConcurrency);
        runs.get(variant)!.push(run);
      }
      log(`fetch: round ${round + 1}/${config.rounds} done`);
    }
    const of = (variant: FetchVariant, key: keyof LoopRun) => column(runs.get(variant)!, key);
    const rows = FETCH_VARIANTS.map((variant) => ({
      group: 'fetch',
      variant,
      rate: spread(of(variant, 'callsPerSecond')),
      p99: undefined,
      rateRatio: spread(ratios(of(variant, 'callsPerSecond'), of('untraced', 'callsPerSecond'))),
      p99Ratio: undefined,
      cpuPerRequest: spread(of(variant, 'cpuPerCall')),
      cpuRatio: spread(ratios(of('untraced', 'cpuPerCall'), of(variant, 'cpuPerCall'))),
    }));
    const cpu = new Map(FETCH_VARIANTS.map((variant) => [variant, of(variant, 'cpuPerCall')]));
    return { rows, added: addedCpu(cpu, 'untraced') };
  } finally {
    await Promise.all([target, ...loops.values()].map((child) => child.stop()));
  }
}
