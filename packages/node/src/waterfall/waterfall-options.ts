import {
  resolveOptionsWith,
  rule,
  type OptionRule,
  type OptionRules,
  type ResolvedBy,
} from '@otelware/core/adapter';

/** Options of {@link WaterfallSpanExporter}. Every field is optional. */
export interface WaterfallOptions {
  /**
   * Receives each printed block (a trace, ending in a newline) as one string.
   * @default `process.stdout.write`
   */
  write?: (text: string) => void;
  /**
   * Paint the output with ANSI colours.
   * @default `FORCE_COLOR` when set (`0`/`false` turn colour off), else off when `NO_COLOR` is
   * set, else whether stdout is a TTY
   */
  color?: boolean;
  /**
   * A trace whose top span has a parent that never arrived is printed this long after its last
   * span arrived, marked as such, rather than buffered for ever.
   * @default 2000
   */
  orphanTimeoutMillis?: number;
  /**
   * After a root span (one without a parent) arrives, wait this long for spans of the same trace
   * still in other tracer providers' batches. `0` prints in the `export` call itself.
   * @default 50
   */
  settleMillis?: number;
  /**
   * Line width in columns; the time bar takes about two fifths of it.
   * @default `process.stdout.columns` bounded to 60..120, or 100 when stdout is not a terminal
   */
  width?: number;
}

const MIN_WIDTH = 40;
const MAX_WIDTH = 500;
// setTimeout treats larger delays as 1 ms, which would print every trace at once.
const MAX_TIMER_MILLIS = 2_147_483_647;

/** The rule of a delay option: a number of milliseconds a timer can wait, `fallback` when not given. */
function millisRule(fallback: number): OptionRule<number, number> {
  return rule(
    (value) => typeof value === 'number' && value >= 0 && value <= MAX_TIMER_MILLIS,
    `a number of milliseconds from 0 to ${MAX_TIMER_MILLIS}`,
    (millis: number | undefined) => millis ?? fallback,
  );
}

/** Each option's check and default: the one description of `WaterfallOptions`. */
const WATERFALL_OPTION_RULES = {
  write: rule(
    (value) => typeof value === 'function',
    'a function',
    (write: ((text: string) => void) | undefined) => write ?? writeToStdout,
  ),
  color: rule(
    (value) => typeof value === 'boolean',
    'a boolean',
    (color: boolean | undefined) =>
      color ?? detectColor(process.env, process.stdout.isTTY === true),
  ),
  orphanTimeoutMillis: millisRule(2000),
  settleMillis: millisRule(50),
  width: rule(
    (value) =>
      Number.isInteger(value) && (value as number) >= MIN_WIDTH && (value as number) <= MAX_WIDTH,
    `an integer from ${MIN_WIDTH} to ${MAX_WIDTH}`,
    (width: number | undefined) => width ?? terminalWidth(process.stdout.columns),
  ),
} satisfies OptionRules<WaterfallOptions>;

/** {@link WaterfallOptions} with every default filled in. */
export type ResolvedWaterfallOptions = ResolvedBy<typeof WATERFALL_OPTION_RULES>;

/**
 * Checks the options once, at construction, and fills in the defaults. Throws a
 * `TypeError` naming an unknown or bad option.
 */
export function resolveWaterfallOptions(options: WaterfallOptions = {}): ResolvedWaterfallOptions {
  return resolveOptionsWith(WATERFALL_OPTION_RULES, options);
}

function writeToStdout(text: string): void {
  process.stdout.write(text);
}

/** Follows the terminal, within bounds where the layout still reads well. */
function terminalWidth(columns: number | undefined): number {
  if (columns === undefined || !Number.isFinite(columns) || columns <= 0) return 100;
  return Math.min(120, Math.max(60, Math.floor(columns)));
}

/**
 * Whether to colour by default. Follows Node's own precedence (see `tty.getColorDepth`):
 * `FORCE_COLOR` wins when set (`0` and `false` mean off), then a non-empty `NO_COLOR`
 * (https://no-color.org) turns colour off, then colour only on a terminal.
 */
export function detectColor(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  const noColor = env['NO_COLOR'];
  if (noColor !== undefined && noColor !== '') return false;
  return isTTY;
}
