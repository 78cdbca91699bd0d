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

/** {@link WaterfallOptions} with every default filled in, checked once at construction. */
export interface ResolvedWaterfallOptions {
  readonly write: (text: string) => void;
  readonly color: boolean;
  readonly orphanTimeoutMillis: number;
  readonly settleMillis: number;
  readonly width: number;
}

const MIN_WIDTH = 40;
const MAX_WIDTH = 500;
// setTimeout treats larger delays as 1 ms, which would print every trace at once.
const MAX_TIMER_MILLIS = 2_147_483_647;

export function resolveWaterfallOptions(options: WaterfallOptions = {}): ResolvedWaterfallOptions {
  if (options === null || typeof options !== 'object') {
    throw new TypeError('WaterfallSpanExporter: options must be an object');
  }
  const { write, color, width } = options;
  if (write !== undefined && typeof write !== 'function') {
    throw new TypeError('WaterfallSpanExporter: `write` must be a function');
  }
  if (color !== undefined && typeof color !== 'boolean') {
    throw new TypeError('WaterfallSpanExporter: `color` must be a boolean');
  }
  if (
    width !== undefined &&
    !(Number.isInteger(width) && width >= MIN_WIDTH && width <= MAX_WIDTH)
  ) {
    throw new TypeError(
      `WaterfallSpanExporter: \`width\` must be an integer from ${MIN_WIDTH} to ${MAX_WIDTH}`,
    );
  }
  return {
    write: write ?? writeToStdout,
    color: color ?? detectColor(process.env, process.stdout.isTTY === true),
    orphanTimeoutMillis: millisOption('orphanTimeoutMillis', options.orphanTimeoutMillis, 2000),
    settleMillis: millisOption('settleMillis', options.settleMillis, 50),
    width: width ?? terminalWidth(process.stdout.columns),
  };
}

function writeToStdout(text: string): void {
  process.stdout.write(text);
}

function millisOption(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value >= 0 && value <= MAX_TIMER_MILLIS)) {
    throw new TypeError(
      `WaterfallSpanExporter: \`${name}\` must be a number of milliseconds from 0 to ${MAX_TIMER_MILLIS}`,
    );
  }
  return value;
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
