import { median, spread, type Spread } from './stats';

/** One figure per round for each variant of a group (a framework, or fetch), in round order. */
export type PerRound = ReadonlyMap<string, readonly number[]>;

/** What a variant adds to the baseline's CPU time per request. */
export interface AddedCpu {
  readonly variant: string;
  /** Variant minus baseline of the same round, µs per request: the median over rounds, and the range. */
  readonly added: Spread;
  /** The median added over the baseline's median CPU per request, in %. */
  readonly percentOfBaseline: number;
}

/**
 * The CPU time each variant adds to `baseline`'s (bare; for fetch, untraced), round
 * by round, so that a drift of the machine between rounds cancels out.
 */
export function addedCpu(cpu: PerRound, baseline: string): AddedCpu[] {
  const base = cpu.get(baseline);
  if (base === undefined) throw new Error(`no CPU figures of the baseline '${baseline}'`);
  const baseMedian = median(base);
  return [...cpu]
    .filter(([variant]) => variant !== baseline)
    .map(([variant, values]) => {
      const added = spread(values.map((value, round) => value - base[round]!));
      return { variant, added, percentOfBaseline: (added.median / baseMedian) * 100 };
    });
}

/** The median added CPU by variant name, for the targets. */
export function medianAdded(rows: readonly AddedCpu[]): Map<string, number> {
  return new Map(rows.map((row) => [row.variant, row.added.median]));
}

function signed(value: number, digits: number): string {
  return `${value >= 0 ? '+' : ''}${value.toFixed(digits)}`;
}

/** A Markdown table of one group: added µs per request (median, min–max) and % of the baseline's CPU. */
export function formatAddedTable(
  group: string,
  baseline: string,
  rows: readonly AddedCpu[],
): string {
  const lines = rows.map(
    ({ variant, added, percentOfBaseline }) =>
      `| ${group} | ${variant} | ${signed(added.median, 2)} (${signed(added.min, 2)} – ${signed(added.max, 2)}) | ${signed(percentOfBaseline, 1)} % |`,
  );
  return [
    `| ${group === 'fetch' ? 'loop' : 'framework'} | variant | added CPU µs / req over ${baseline} | ÷ ${baseline}'s CPU µs / req |`,
    '| --- | --- | ---: | ---: |',
    ...lines,
  ].join('\n');
}
