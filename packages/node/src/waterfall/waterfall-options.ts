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
