import type { ReadableSpan } from '@opentelemetry/sdk-trace';

/** The span's own context in the `traceparent` format: what `traceresponse` must carry. */
export function traceparentOf(span: ReadableSpan | undefined): string {
  if (span === undefined) throw new Error('no span to read the context of');
  const { traceId, spanId, traceFlags } = span.spanContext();
  return `00-${traceId}-${spanId}-${traceFlags.toString(16).padStart(2, '0')}`;
}
