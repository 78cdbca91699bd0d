import type { Span, Tracer, TracerProvider } from '@opentelemetry/api';

/**
 * Wraps a tracer provider so every `span.end()` call is counted per span id:
 * proves that a span ends exactly once, which the SDK alone would hide (it
 * ignores a second `end`).
 */
export function countSpanEnds(inner: TracerProvider): {
  provider: TracerProvider;
  ends: Map<string, number>;
} {
  const ends = new Map<string, number>();
  const count = (span: Span): Span => {
    const end = span.end.bind(span);
    span.end = (endTime) => {
      const id = span.spanContext().spanId;
      ends.set(id, (ends.get(id) ?? 0) + 1);
      end(endTime);
    };
    return span;
  };
  const provider: TracerProvider = {
    getTracer(name, version, options) {
      const tracer = inner.getTracer(name, version, options);
      return {
        startSpan: (spanName, spanOptions, ctx) =>
          count(tracer.startSpan(spanName, spanOptions, ctx)),
        startActiveSpan: tracer.startActiveSpan.bind(tracer),
      } as Tracer;
    },
  };
  return { provider, ends };
}
