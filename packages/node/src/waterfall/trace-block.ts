import type { ReadableSpan } from '@opentelemetry/sdk-trace';

/** What the buffer hands to the printer: the spans of one trace that are ready to draw. */
export interface TraceBlock {
  readonly traceId: string;
  readonly spans: readonly ReadableSpan[];
  /** The trace was printed before; these spans came after. */
  readonly late: boolean;
  /** Span ids of this trace printed in earlier blocks. */
  readonly printedSpanIds: ReadonlySet<string>;
  /** Spans of this trace dropped because it outgrew the per-trace cap. */
  readonly droppedSpans: number;
  /** Whole traces dropped (buffer full) since the previous block was handed out. */
  readonly droppedTraces: number;
}
