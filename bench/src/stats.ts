/** The median of `values` (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export function spread(values: readonly number[]): Spread {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

/** One measured figure of every round, in round order. */
export function column<R, K extends keyof R>(runs: readonly R[], key: K): R[K][] {
  return runs.map((run) => run[key]);
}

/** Per-round ratios `a[i] / b[i]`: each round's variant against the baseline of the same round. */
export function ratios(values: readonly number[], baseline: readonly number[]): number[] {
  return values.map((value, i) => value / baseline[i]!);
}

/**
 * The order variants run in each round: as listed, then reversed, alternating,
 * so a drift of the machine during the run weighs on every variant alike.
 */
export function roundOrder<T>(items: readonly T[], round: number): T[] {
  return round % 2 === 0 ? [...items] : [...items].reverse();
}
