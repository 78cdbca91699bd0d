import { addedCpu, type AddedCpu } from './added-cpu';
import type { BenchChild } from './child-process';
import type { BenchConfig } from './config';
import { applyLoad, type LoadResult } from './load';
import { offeredRate, rateRows, type RateRow, type RateRun } from './offered-rate';
import { pacedLoad } from './paced-load';
import { startServer } from './start-server';
import { column, median, ratios, roundOrder, spread } from './stats';
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

export interface MeasuredLoad extends LoadResult {
  /** CPU time the server process used per answered request, µs (all its threads, user and kernel). */
  readonly cpuPerRequest: number;
}

async function cpuMicros(server: BenchChild): Promise<number> {
  return (await server.ask({ type: 'cpu-usage' }, 'cpu-usage')).micros;
}

/**
 * One round's load on one server, with the CPU time the server spent on it. The
 * CPU time per request does not depend on how much of the CPU the VM's other
 * tenants leave the server, nor on whether the load generator keeps up, so it
 * varies far less between rounds than req/s.
 */
export async function measureLoad(
  server: BenchChild,
  seconds: number,
  connections: number,
): Promise<MeasuredLoad> {
  const before = await cpuMicros(server);
  const result = await applyLoad(server.port, seconds, connections);
  const used = (await cpuMicros(server)) - before;
  return { ...result, cpuPerRequest: used / Math.max(1, result.requests) };
}

function rowsOf(
  framework: Framework,
  results: ReadonlyMap<ServerVariantSpec, MeasuredLoad[]>,
): VariantRow[] {
  const bare = [...results].find(([variant]) => variant.name === 'bare')?.[1] ?? [];
  const of = (runs: readonly MeasuredLoad[], key: 'requestsPerSecond' | 'p99' | 'cpuPerRequest') =>
    column(runs, key);
  return [...results].map(([variant, runs]) => {
    const failed = runs.some((result) => result.failures > 0);
    return {
      group: framework,
      variant: variant.name,
      rate: spread(of(runs, 'requestsPerSecond')),
      p99: spread(of(runs, 'p99')),
      rateRatio: spread(ratios(of(runs, 'requestsPerSecond'), of(bare, 'requestsPerSecond'))),
      p99Ratio: spread(ratios(of(runs, 'p99'), of(bare, 'p99'))),
      cpuPerRequest: spread(of(runs, 'cpuPerRequest')),
      // bare's CPU per request over the variant's: requests per CPU-second against bare
      cpuRatio: spread(ratios(of(bare, 'cpuPerRequest'), of(runs, 'cpuPerRequest'))),
      note: failed ? '(had failed requests!)' : undefined,
    };
  });
}

/** One framework's figures: the main table's rows, the added CPU, the fixed-rate pass. */
export interface FrameworkResult {
  readonly rows: VariantRow[];
  readonly added: AddedCpu[];
  /** Bare's median CPU µs per request. */
  readonly bareCpu: number;
  /** Undefined when the fixed-rate pass did not run (`BENCH_RATE=0`). */
  readonly rate: RateRow[] | undefined;
}

function resultOf(
  framework: Framework,
  results: ReadonlyMap<ServerVariantSpec, MeasuredLoad[]>,
  rate: RateRow[] | undefined,
): FrameworkResult {
  const cpu = new Map(
    [...results].map(([variant, runs]) => [variant.name, column(runs, 'cpuPerRequest')]),
  );
  return {
    rows: rowsOf(framework, results),
    added: addedCpu(cpu, 'bare'),
    bareCpu: median(cpu.get('bare')!),
    rate,
  };
}

/**
 * The fixed-offered-rate pass, after the rounds: every variant at half of bare's
 * measured capacity, sent at a steady pace over the same connections,
 * `BENCH_RATE_ROUNDS` rounds in alternating order.
 */
async function loadAtRate(
  framework: Framework,
  servers: ReadonlyMap<ServerVariantSpec, BenchChild>,
  bareRequestsPerSecond: readonly number[],
  config: BenchConfig,
  log: Log,
): Promise<RateRow[]> {
  const offered = offeredRate(bareRequestsPerSecond);
  const variants = [...servers.keys()];
  const runs = new Map<string, RateRun[]>(variants.map((variant) => [variant.name, []]));
  for (let round = 0; round < config.rateRounds; round++) {
    for (const variant of roundOrder(variants, round)) {
      const port = servers.get(variant)!.port;
      const result = await pacedLoad(port, config.duration, config.connections, offered);
      runs.get(variant.name)!.push({
        achieved: result.requestsPerSecond,
        p99: result.p99,
        failures: result.failures,
      });
    }
    log(`${framework}: ${offered} req/s offered, round ${round + 1}/${config.rateRounds} done`);
  }
  return rateRows(framework, offered, runs);
}

/**
 * One framework: starts every variant's server (each its own process, pinned to
 * the server CPU), checks that each traces as it claims, warms each up, then
 * loads them in alternating rounds (then at a fixed rate) and returns their
 * medians, ratios to bare and added CPU.
 */
export async function benchFramework(
  benchDir: string,
  framework: Framework,
  config: BenchConfig,
  log: Log,
): Promise<FrameworkResult> {
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
    const results = new Map<ServerVariantSpec, MeasuredLoad[]>(variants.map((v) => [v, []]));
    for (let round = 0; round < config.rounds; round++) {
      for (const variant of roundOrder(variants, round)) {
        const result = await measureLoad(
          servers.get(variant)!,
          config.duration,
          config.connections,
        );
        results.get(variant)!.push(result);
      }
      log(`${framework}: round ${round + 1}/${config.rounds} done`);
    }
    const bare = results.get(variants.find((variant) => variant.name === 'bare')!)!;
    const rate = config.rate
      ? await loadAtRate(framework, servers, column(bare, 'requestsPerSecond'), config, log)
      : undefined;
    return resultOf(framework, results, rate);
  } finally {
    await Promise.all([...servers.values()].map((server) => server.stop()));
  }
}
