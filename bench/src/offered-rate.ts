import { column, median, ratios, spread, type Spread } from './stats';
import type { TailFigures } from './targets';

/**
 * The fixed-offered-rate pass: at saturation p99 only mirrors throughput, so every
 * variant is also loaded at one rate that bare carries easily (half of its measured
 * capacity), and p99 compared there. A variant that answers less than it is offered
 * is flagged: its p99 measures a queue, not the request.
 */

/** Below this share of the offered rate a variant did not keep up. */
export const KEPT_UP = 0.95;

export interface RateRun {
  /** Requests answered per second of load. */
  readonly achieved: number;
  /** ms */
  readonly p99: number;
  readonly failures: number;
}

export interface RateRow {
  readonly group: string;
  readonly variant: string;
  /** Requests per second offered to every variant. */
  readonly offered: number;
  readonly achieved: Spread;
  readonly p99: Spread;
  /** p99 ÷ bare's p99 of the same round, then the median. */
  readonly p99Ratio: Spread;
  /** In some round the variant answered less than `KEPT_UP` × the offered rate. */
  readonly shortOfRate: boolean;
  readonly failed: boolean;
}

/** Half of bare's capacity in this run: the median of its req/s over the rounds. */
export function offeredRate(bareRequestsPerSecond: readonly number[]): number {
  return Math.max(1, Math.round(median(bareRequestsPerSecond) / 2));
}

export function rateRows(
  group: string,
  offered: number,
  runs: ReadonlyMap<string, readonly RateRun[]>,
): RateRow[] {
  const bare = runs.get('bare');
  if (bare === undefined) throw new Error('the fixed-rate pass needs bare');
  return [...runs].map(([variant, rounds]) => ({
    group,
    variant,
    offered,
    achieved: spread(column(rounds, 'achieved')),
    p99: spread(column(rounds, 'p99')),
    p99Ratio: spread(ratios(column(rounds, 'p99'), column(bare, 'p99'))),
    shortOfRate: rounds.some((round) => round.achieved < KEPT_UP * offered),
    failed: rounds.some((round) => round.failures > 0),
  }));
}

export function tailFigures(rows: readonly RateRow[]): TailFigures {
  return {
    p99Ratio: new Map(rows.map((row) => [row.variant, row.p99Ratio.median])),
    shortOfRate: new Set(rows.filter((row) => row.shortOfRate).map((row) => row.variant)),
  };
}

function withSpread({ median, min, max }: Spread, digits: number): string {
  return `${median.toFixed(digits)} (${min.toFixed(digits)}–${max.toFixed(digits)})`;
}

/** A Markdown table: per variant, the offered rate, what it answered, p99 and p99 ÷ bare's. */
export function formatRateTable(rows: readonly RateRow[]): string {
  const lines = rows.map((row) => {
    const notes = [
      row.shortOfRate ? `(fell short of the offered rate: not comparable!)` : '',
      row.failed ? '(had failed requests!)' : '',
    ].filter(Boolean);
    return `| ${row.group} | ${[row.variant, ...notes].join(' ')} | ${row.offered} | ${withSpread(row.achieved, 0)} | ${withSpread(row.p99, 1)} | ${withSpread(row.p99Ratio, 2)} |`;
  });
  return [
    '| framework | variant | offered req/s | achieved req/s | p99 ms | p99 ÷ bare |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
    ...lines,
  ].join('\n');
}
