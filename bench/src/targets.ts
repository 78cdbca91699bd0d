/**
 * Issue 23's targets, checked against one run's figures: pure functions, one line
 * per target. A target whose variants did not run says so (`–`) instead of failing.
 */

/** `–`: cannot be told from this run (a variant not run, or no ratio to take). */
export type Verdict = 'met' | 'NOT met' | '–' | 'informational';

export interface TargetLine {
  /** The target and what is divided by what, e.g. `T2 sampled: added(otelware) ÷ added(floor)`. */
  readonly label: string;
  /** The figures behind the verdict, or why there is none. */
  readonly figure: string;
  readonly verdict: Verdict;
}

/** A number and what it is made of; `limit` undefined for an informational ratio. */
interface Ratio {
  readonly label: string;
  readonly numerator: string;
  readonly denominator: string;
  readonly limit: number | undefined;
  /** How the limit is printed, when not as a decimal. */
  readonly limitText?: string;
  readonly digits?: number;
  readonly unit?: string;
}

function ratioLine(
  figures: ReadonlyMap<string, number>,
  { label, numerator, denominator, limit, limitText, digits = 2, unit = '' }: Ratio,
): TargetLine {
  const top = figures.get(numerator);
  const bottom = figures.get(denominator);
  const missing = [numerator, denominator].filter((name) => !figures.has(name));
  if (top === undefined || bottom === undefined) {
    return { label, figure: `not run: ${missing.join(', ')}`, verdict: '–' };
  }
  if (!(bottom > 0)) {
    return {
      label,
      figure: `${denominator} is ${bottom.toFixed(digits)}${unit}: no ratio`,
      verdict: '–',
    };
  }
  const ratio = top / bottom;
  const figure = `${ratio.toFixed(digits)} (${top.toFixed(digits)}${unit} ÷ ${bottom.toFixed(digits)}${unit})`;
  if (limit === undefined) return { label, figure, verdict: 'informational' };
  return {
    label,
    figure: `${figure}, target ≤ ${limitText ?? limit.toFixed(digits)}`,
    verdict: ratio <= limit ? 'met' : 'NOT met',
  };
}

/** The fixed-offered-rate pass of one framework, as the tail-latency target needs it. */
export interface TailFigures {
  /** The median over rounds of each variant's p99 ÷ bare's p99 of the same round. */
  readonly p99Ratio: ReadonlyMap<string, number>;
  /** Variants that answered less than the offered rate in some round: their p99 is not comparable. */
  readonly shortOfRate: ReadonlySet<string>;
}

export interface FrameworkFigures {
  /** The median added CPU µs per request over bare, by variant (the variants that ran). */
  readonly added: ReadonlyMap<string, number>;
  /** Bare's median CPU µs per request. */
  readonly bareCpu: number;
  /** Absent when the fixed-rate pass did not run (`BENCH_RATE=0`). */
  readonly tail: TailFigures | undefined;
}

export const OWN_COST_LIMIT = 1.1;
export const NO_SDK_PERCENT_LIMIT = 2;
export const INCUMBENT_LIMIT = 1 / 3;
export const TAIL_LIMIT = 1.2;

/** T3: a negative added CPU (within the noise of bare's) passes as 0 % would; the line shows its real sign. */
function noSdkLine(figures: FrameworkFigures): TargetLine {
  const label = 'T3 no SDK: added(otelware-nosdk) ÷ CPU(bare)';
  const added = figures.added.get('otelware-nosdk');
  if (added === undefined) return { label, figure: 'not run: otelware-nosdk', verdict: '–' };
  const percent = (added / figures.bareCpu) * 100;
  return {
    label,
    figure: `${percent.toFixed(1)} % (${added.toFixed(2)} ÷ ${figures.bareCpu.toFixed(2)} µs), target ≤ ${NO_SDK_PERCENT_LIMIT} %`,
    verdict: percent <= NO_SDK_PERCENT_LIMIT ? 'met' : 'NOT met',
  };
}

function tailLine(tail: TailFigures | undefined): TargetLine {
  const label = 'T5 tail at the fixed rate: p99(otelware) ÷ p99(bare)';
  if (tail === undefined) return { label, figure: 'fixed-rate pass not run', verdict: '–' };
  const short = ['bare', 'otelware'].filter((variant) => tail.shortOfRate.has(variant));
  if (short.length > 0) {
    // bare short of the rate: no fair baseline; otelware short: it cannot carry the load at all
    const verdict = short.includes('bare') ? '–' : 'NOT met';
    return { label, figure: `${short.join(' and ')} fell short of the offered rate`, verdict };
  }
  const ratio = tail.p99Ratio.get('otelware');
  if (ratio === undefined) return { label, figure: 'not run: otelware', verdict: '–' };
  return {
    label,
    figure: `${ratio.toFixed(2)} (the median of the rounds' ratios), target ≤ ${TAIL_LIMIT.toFixed(2)}`,
    verdict: ratio <= TAIL_LIMIT ? 'met' : 'NOT met',
  };
}

/** T2–T5 for one framework, and otelware-start against otelware when it ran. */
export function frameworkTargets(figures: FrameworkFigures): TargetLine[] {
  const { added } = figures;
  const lines = [
    ratioLine(added, {
      label: 'T2 sampled: added(otelware) ÷ added(floor)',
      numerator: 'otelware',
      denominator: 'floor',
      limit: OWN_COST_LIMIT,
      unit: ' µs',
    }),
    ratioLine(added, {
      label: 'T2 unsampled: added(otelware-unsampled) ÷ added(floor-unsampled)',
      numerator: 'otelware-unsampled',
      denominator: 'floor-unsampled',
      limit: OWN_COST_LIMIT,
      unit: ' µs',
    }),
    noSdkLine(figures),
    ratioLine(added, {
      label: 'T4 incumbent: added(otelware) ÷ added(otel-official)',
      numerator: 'otelware',
      denominator: 'otel-official',
      limit: INCUMBENT_LIMIT,
      limitText: '1/3',
      unit: ' µs',
    }),
    tailLine(figures.tail),
  ];
  if (!added.has('otelware-start')) return lines;
  return [
    ...lines,
    ratioLine(added, {
      label: 'start(): added(otelware-start) ÷ added(otelware)',
      numerator: 'otelware-start',
      denominator: 'otelware',
      limit: undefined,
      unit: ' µs',
    }),
  ];
}

/** T2 for the fetch loop: added CPU over `untraced`. */
export function fetchTargets(added: ReadonlyMap<string, number>): TargetLine[] {
  return [
    ratioLine(added, {
      label: 'T2: added(otelware) ÷ added(floor)',
      numerator: 'otelware',
      denominator: 'floor',
      limit: OWN_COST_LIMIT,
      unit: ' µs',
    }),
  ];
}

export const INSTRUCTION_OWN_LIMIT = 1.05;
export const INSTRUCTION_NO_SDK_LIMIT = 1.02;

/** Instruction counts (median per request, by variant) of one framework against T2' and T3. */
export function instructionTargets(perRequest: ReadonlyMap<string, number>): TargetLine[] {
  const thousands = new Map([...perRequest].map(([variant, count]) => [variant, count / 1000]));
  const lines = [
    ratioLine(thousands, {
      label: "T2' sampled: instructions(otelware) ÷ instructions(floor)",
      numerator: 'otelware',
      denominator: 'floor',
      limit: INSTRUCTION_OWN_LIMIT,
      digits: 3,
      unit: 'k',
    }),
    ratioLine(thousands, {
      label: "T2' unsampled: instructions(otelware-unsampled) ÷ instructions(floor-unsampled)",
      numerator: 'otelware-unsampled',
      denominator: 'floor-unsampled',
      limit: INSTRUCTION_OWN_LIMIT,
      digits: 3,
      unit: 'k',
    }),
    ratioLine(thousands, {
      label: 'T3 no SDK: instructions(otelware-nosdk) ÷ instructions(bare)',
      numerator: 'otelware-nosdk',
      denominator: 'bare',
      limit: INSTRUCTION_NO_SDK_LIMIT,
      digits: 3,
      unit: 'k',
    }),
  ];
  if (!perRequest.has('otelware-start')) return lines;
  return [
    ...lines,
    ratioLine(thousands, {
      label: 'start(): instructions(otelware-start) ÷ instructions(otelware)',
      numerator: 'otelware-start',
      denominator: 'otelware',
      limit: undefined,
      digits: 3,
      unit: 'k',
    }),
  ];
}

export function formatTargets(group: string, lines: readonly TargetLine[]): string {
  return lines
    .map(({ label, figure, verdict }) => `- ${group} ${label}: ${figure}: ${verdict}`)
    .join('\n');
}
