import { FRAMEWORKS, type Framework } from './variants';

/** The knobs of a benchmark run, read from the environment once. */
export interface BenchConfig {
  /** Seconds of measured load per variant and round. */
  readonly duration: number;
  /** Seconds of load that warm each server up before the rounds. */
  readonly warmup: number;
  /** Rounds over all variants; odd rounds run in reverse order. */
  readonly rounds: number;
  readonly connections: number;
  readonly frameworks: readonly Framework[];
  /** Variant names to run (bare always runs: ratios need it). */
  readonly variants: readonly string[] | undefined;
  readonly fetch: boolean;
  /** Concurrent calls in flight in the fetch loop. */
  readonly fetchConcurrency: number;
  /** Load every variant at half of bare's measured capacity after the rounds, for p99 (`BENCH_RATE=0`: no). */
  readonly rate: boolean;
  /** Rounds of that fixed-rate pass, each `duration` seconds per variant. */
  readonly rateRounds: number;
  readonly profile: boolean;
  /** Count instructions per request with callgrind instead of measuring throughput. */
  readonly instructions: boolean;
  /** Requests counted per variant in that mode. */
  readonly instructionRequests: number;
  /** Counts per variant in that mode, in alternating order: the table gives their median and range. */
  readonly instructionRepeats: number;
}

/**
 * The variants the instruction count takes (with bare, which always runs) unless
 * `BENCH_VARIANTS` names others: those issue 23's instruction targets compare.
 */
export const INSTRUCTION_VARIANTS = [
  'otelware-nosdk',
  'floor',
  'floor-unsampled',
  'otelware',
  'otelware-unsampled',
] as const;

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}

function list(env: NodeJS.ProcessEnv, name: string): string[] | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  return raw
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): BenchConfig {
  const frameworks = list(env, 'BENCH_FRAMEWORKS') ?? [...FRAMEWORKS];
  for (const name of frameworks) {
    if (!(FRAMEWORKS as readonly string[]).includes(name)) {
      throw new Error(`BENCH_FRAMEWORKS: unknown framework '${name}'`);
    }
  }
  const instructions = env.BENCH_INSTRUCTIONS === '1';
  return {
    duration: positive(env, 'BENCH_DURATION', 3),
    warmup: positive(env, 'BENCH_WARMUP', 3),
    rounds: Math.round(positive(env, 'BENCH_ROUNDS', 4)),
    connections: Math.round(positive(env, 'BENCH_CONNECTIONS', 50)),
    frameworks: frameworks as Framework[],
    variants: list(env, 'BENCH_VARIANTS') ?? (instructions ? [...INSTRUCTION_VARIANTS] : undefined),
    fetch: env.BENCH_FETCH !== '0',
    fetchConcurrency: Math.round(positive(env, 'BENCH_FETCH_CONCURRENCY', 10)),
    rate: env.BENCH_RATE !== '0',
    rateRounds: Math.round(positive(env, 'BENCH_RATE_ROUNDS', 2)),
    profile: env.BENCH_PROFILE === '1',
    instructions,
    instructionRequests: Math.round(positive(env, 'BENCH_INSTR_REQUESTS', 2000)),
    instructionRepeats: Math.round(positive(env, 'BENCH_INSTR_REPEATS', 1)),
  };
}
