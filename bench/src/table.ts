import type { Spread } from './stats';

/** One variant's measured numbers over all rounds, each a median with its spread. */
export interface VariantRow {
  readonly group: string;
  readonly variant: string;
  readonly rate: Spread;
  readonly p99: Spread | undefined;
  readonly rateRatio: Spread | undefined;
  readonly p99Ratio: Spread | undefined;
  /** CPU time of the process under test per request (fetch: per call), µs. */
  readonly cpuPerRequest: Spread | undefined;
  /** Baseline's CPU time per request over the variant's: requests per CPU-second against the baseline. */
  readonly cpuRatio: Spread | undefined;
  readonly note?: string;
}

function fixed(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '–';
}

function withSpread(spread: Spread | undefined, digits: number): string {
  if (spread === undefined) return '–';
  return `${fixed(spread.median, digits)} (${fixed(spread.min, digits)}–${fixed(spread.max, digits)})`;
}

/** A Markdown table: median per variant, with min–max across rounds in parentheses. */
export function formatTable(rows: readonly VariantRow[], rateLabel = 'req/s'): string {
  const header = [
    `| framework | variant | ${rateLabel} | p99 ms | ${rateLabel} ÷ bare | p99 ÷ bare | CPU µs / req | req per CPU-s ÷ bare |`,
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const lines = rows.map(
    (row) =>
      `| ${row.group} | ${row.variant}${row.note ? ` ${row.note}` : ''} | ${withSpread(row.rate, 0)} | ${withSpread(row.p99, 1)} | ${withSpread(row.rateRatio, 2)} | ${withSpread(row.p99Ratio, 2)} | ${withSpread(row.cpuPerRequest, 1)} | ${withSpread(row.cpuRatio, 2)} |`,
  );
  return [...header, ...lines].join('\n');
}
