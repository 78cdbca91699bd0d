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
import { ratios, roundOrder, spread } from './stats';
import type { VariantRow } from './table';

const LOOP_CPU = 1;

async function callsPerSecond(
  loop: BenchChild,
  seconds: number,
  concurrency: number,
): Promise<number> {
  const ran = await loop.ask({ type: 'run', seconds, concurrency }, 'ran', (seconds + 30) * 1000);
  if (ran.errors > 0) throw new Error(`the fetch loop had ${ran.errors} failed calls`);
  return ran.calls / ran.seconds;
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
): Promise<VariantRow[]> {
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
    for (const loop of loops.values())
      await callsPerSecond(loop, config.warmup, config.fetchConcurrency);
    const rates = new Map<FetchVariant, number[]>(FETCH_VARIANTS.map((v) => [v, []]));
    for (let round = 0; round < config.rounds; round++) {
      for (const variant of roundOrder(FETCH_VARIANTS, round)) {
        const rate = await callsPerSecond(
          loops.get(variant)!,
          config.duration,
          config.fetchConcurrency,
        );
        rates.get(variant)!.push(rate);
      }
      log(`fetch: round ${round + 1}/${config.rounds} done`);
    }
    const untraced = rates.get('untraced')!;
    return FETCH_VARIANTS.map((variant) => ({
      group: 'fetch',
      variant,
      rate: spread(rates.get(variant)!),
      p99: undefined,
      rateRatio: spread(ratios(rates.get(variant)!, untraced)),
      p99Ratio: undefined,
    }));
  } finally {
    await Promise.all([target, ...loops.values()].map((child) => child.stop()));
  }
}
