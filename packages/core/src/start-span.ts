import {
  INVALID_SPAN_CONTEXT,
  trace,
  type Attributes,
  type Context,
  type Span,
  type SpanKind,
  type Tracer,
} from '@opentelemetry/api';

/**
 * The span of a request or call, child of `parent`. Without a tracer (no tracer SDK,
 * but a duration histogram to feed) it is a non-recording span that carries the
 * parent's context on, so the trace still reaches downstream calls. `startTime` is
 * given when a duration is measured: span and metric then read the same clock.
 */
export function startSpan(
  tracer: Tracer | undefined,
  name: string,
  kind: SpanKind,
  attributes: Attributes,
  startTime: number | undefined,
  parent: Context,
): Span {
  return tracer === undefined
    ? trace.wrapSpanContext(trace.getSpanContext(parent) ?? INVALID_SPAN_CONTEXT)
    : tracer.startSpan(name, { kind, attributes, startTime }, parent);
}
