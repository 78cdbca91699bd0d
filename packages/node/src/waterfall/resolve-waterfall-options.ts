import { detectColor } from './detect-color';
import type { WaterfallOptions } from './waterfall-options';

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
