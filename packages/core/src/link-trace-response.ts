import type { Span } from '@opentelemetry/api';
import type { HeaderReader } from './capture-headers';
import { parseTraceparent } from './trace-context/parse-traceparent';

/**
 * Links a CLIENT span to the callee's span named by the response's `traceresponse`
 * header (Trace Context Level 2; the same format as `traceparent`), when the
 * callee answered in another trace: it restarted the trace, and the link is what
 * joins the two. In the same trace the callee's span is already a descendant, so
 * nothing is added. An invalid header is ignored, as the specification requires.
 */
export function linkTraceResponse(span: Span, header: HeaderReader): void {
  const value = header('traceresponse');
  if (typeof value !== 'string') return; // absent, or a list of values
  const callee = parseTraceparent(value);
  if (callee === undefined || callee.traceId === span.spanContext().traceId) return;
  if (typeof span.addLink !== 'function') return; // API before 1.9's Span.addLink
  span.addLink({ context: { ...callee, isRemote: true } });
}
