import type { ReadableSpan } from '@opentelemetry/sdk-trace';

/**
 * The spans as `name <- parentName` lines, parents resolved by span id, for
 * asserting the shape of a trace in one expectation.
 */
export function spanTree(spans: readonly ReadableSpan[]): string[] {
  const names = new Map(spans.map((span) => [span.spanContext().spanId, span.name]));
  return spans
    .map((span) => {
      const parentId = span.parentSpanContext?.spanId;
      const parent = parentId === undefined ? '(root)' : (names.get(parentId) ?? '(remote)');
      return `${span.name} <- ${parent}`;
    })
    .sort();
}
