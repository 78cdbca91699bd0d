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

/** What a ratio divides, and how its figures print. */
interface Measure {
  readonly name: string;
  readonly ratioDigits: number;
  readonly valueDigits: number;
  readonly unit: string;
}

const ADDED_CPU: Measure = { name: 'added', ratioDigits: 2, valueDigits: 2, unit: ' µs' };
const INSTRUCTIONS: Measure = { name: 'instructions', ratioDigits: 3, valueDigits: 1, unit: 'k' };

/** `figures[numerator] ÷ figures[denominator]` against `limit` (none: informational). */
function ratioLine(
  figures: ReadonlyMap<string, number>,
  measure: Measure,
  target: string,
  [numerator, denominator]: readonly [string, string],
  limit?: { readonly value: number; readonly text?: string },
): TargetLine {
  const { name, ratioDigits, valueDigits, unit } = measure;
  const label = `${target}: ${name}(${numerator}) ÷ ${name}(${denominator})`;
  const top = figures.get(numerator);
  const bottom = figures.get(denominator);
  if (top === undefined || bottom === undefined) {
    const missing = [numerator, denominator].filter((variant) => !figures.has(variant));
    return { label, figure: `not run: ${missing.join(', ')}`, verdict: '–' };
  }
  const value = (figure: number) => `${figure.toFixed(valueDigits)}${unit}`;
  if (!(bottom > 0)) {
    return { label, figure: `${denominator} is ${value(bottom)}: no ratio`, verdict: '–' };
  }
  const ratio = top / bottom;
  const figure = `${ratio.toFixed(ratioDigits)} (${value(top)} ÷ ${value(bottom)})`;
  if (limit === undefined) return { label, figure, verdict: 'informational' };
  return {
    label,
    figure: `${figure}, target ≤ ${limit.text ?? limit.value.toFixed(ratioDigits)}`,
    verdict: ratio <= limit.value ? 'met' : 'NOT met',
  };
}

/** otelware with `start()`'s SDK against otelware with the plain one, when it ran. */
function startLines(figures: ReadonlyMap<string, number>, measure: Measure): TargetLine[] {
  if (!figures.has('otelware-start')) return [];
  return [ratioLine(figures, measure, 'start()', ['otelware-start', 'otelware'])];
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
  const ownCost = { value: OWN_COST_LIMIT };
  return [
    ratioLine(added, ADDED_CPU, 'T2 sampled', ['otelware', 'floor'], ownCost),
    ratioLine(added, ADDED_CPU, 'T2 unsampled', ['otelware-unsampled', 'floor-unsampled'], ownCost),
    noSdkLine(figures),
    ratioLine(added, ADDED_CPU, 'T4 incumbent', ['otelware', 'otel-official'], {
      value: INCUMBENT_LIMIT,
      text: '1/3',
    }),
    tailLine(figures.tail),
    ...startLines(added, ADDED_CPU),
  ];
}

/** T2 for the fetch loop: added CPU over `untraced`. */
export function fetchTargets(added: ReadonlyMap<string, number>): TargetLine[] {
  return [ratioLine(added, ADDED_CPU, 'T2', ['otelware', 'floor'], { value: OWN_COST_LIMIT })];
}

export const INSTRUCTION_OWN_LIMIT = 1.05;
export const INSTRUCTION_NO_SDK_LIMIT = 1.02;

/** Instruction counts (median per request, by variant) of one framework against T2' and T3. */
export function instructionTargets(perRequest: ReadonlyMap<string, number>): TargetLine[] {
  const thousands = new Map([...perRequest].map(([variant, count]) => [variant, count / 1000]));
  const own = { value: INSTRUCTION_OWN_LIMIT };
  return [
    ratioLine(thousands, INSTRUCTIONS, "T2' sampled", ['otelware', 'floor'], own),
    ratioLine(
      thousands,
      INSTRUCTIONS,
      "T2' unsampled",
      ['otelware-unsampled', 'floor-unsampled'],
      own,
    ),
    ratioLine(thousands, INSTRUCTIONS, 'T3 no SDK', ['otelware-nosdk', 'bare'], {
      value: INSTRUCTION_NO_SDK_LIMIT,
    }),
    ...startLines(thousands, INSTRUCTIONS),
  ];
}

export function formatTargets(group: string, lines: readonly TargetLine[]): string {
  return lines
    .map(({ label, figure, verdict }) => `- ${group} ${label}: ${figure}: ${verdict}`)
    .join('\n');
}
