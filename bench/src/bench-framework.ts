import type { BenchChild } from './child-process';
import type { BenchConfig } from './config';
import { applyLoad, type LoadResult } from './load';
import { startServer } from './start-server';
import { ratios, roundOrder, spread } from './stats';
import type { VariantRow } from './table';
import { verifyServer } from './verify-server';
import { SERVER_VARIANTS, type Framework, type ServerVariantSpec } from './variants';

/** The CPU the servers run on; the runner and its load generator take the other one. */
export const SERVER_CPU = 0;

export type Log = (line: string) => void;

export function selectedVariants(config: BenchConfig): ServerVariantSpec[] {
  const wanted = config.variants;
  return SERVER_VARIANTS.filter(
    (variant) => wanted === undefined || variant.name === 'bare' || wanted.includes(variant.name),
  );
}

async function checkAll(
  framework: Framework,
  servers: ReadonlyMap<ServerVariantSpec, BenchChild>,
): Promise<void> {
  for (const [variant, server] of servers) {
    const verdict = await verifyServer(server, variant);
    if (!verdict.ok) {
      throw new Error(
        `${framework} ${variant.name} fails its check: ${verdict.problems.join('; ')}`,
      );
    }
  }
}

function rowsOf(
  framework: Framework,
  results: ReadonlyMap<ServerVariantSpec, LoadResult[]>,
): VariantRow[] {
  const bare = [...results].find(([variant]) => variant.name === 'bare')?.[1] ?? [];
  const bareRates = bare.map((result) => result.requestsPerSecond);
  const bareP99s = bare.map((result) => result.p99);
  return [...results].map(([variant, runs]) => {
    const rates = runs.map((result) => result.requestsPerSecond);
    const p99s = runs.map((result) => result.p99);
    const failed = runs.some((result) => result.failures > 0);
    return {
      group: framework,
      variant: variant.name,
      rate: spread(rates),
      p99: spread(p99s),
      rateRatio: spread(ratios(rates, bareRates)),
      p99Ratio: spread(ratios(p99s, bareP99s)),
      note: failed ? '(had failed requests!)' : undefined,
    };
  });
}

/**
 * One framework: starts every variant's server (each its own process, pinned to
 * the server CPU), checks that each traces as it claims, warms each up, then
 * loads them in alternating rounds and returns their medians and ratios to bare.
 */
export async function benchFramework(
  benchDir: string,
  framework: Framework,
  config: BenchConfig,
  log: Log,
): Promise<VariantRow[]> {
  const variants = selectedVariants(config);
  const servers = new Map<ServerVariantSpec, BenchChild>();
  try {
    for (const variant of variants) {
      servers.set(variant, await startServer({ benchDir, framework, variant, cpu: SERVER_CPU }));
    }
    await checkAll(framework, servers);
    log(`${framework}: ${variants.length} variants trace as they should; warming up`);
    for (const server of servers.values()) {
      await applyLoad(server.port, config.warmup, config.connections);
    }
    const results = new Map<ServerVariantSpec, LoadResult[]>(variants.map((v) => [v, []]));
    for (let round = 0; round < config.rounds; round++) {
      for (const variant of roundOrder(variants, round)) {
        const result = await applyLoad(
          servers.get(variant)!.port,
          config.duration,
          config.connections,
        );
        results.get(variant)!.push(result);
      }
      log(`${framework}: round ${round + 1}/${config.rounds} done`);
    }
    return rowsOf(framework, results);
  } finally {
    await Promise.all([...servers.values()].map((server) => server.stop()));
  }
}
