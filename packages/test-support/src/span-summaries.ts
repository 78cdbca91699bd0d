import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
} from '@opentelemetry/semantic-conventions';
import { ATTR_OTELWARE_ABORTED } from '@otelware/core';

// Recorded spans as values a test compares in one expectation.

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

/** How a server span ended: name, route, status code, abort mark, status, error and event names. */
export function spanOutcome(span: ReadableSpan | undefined) {
  return {
    name: span?.name,
    route: span?.attributes[ATTR_HTTP_ROUTE],
    statusCode: span?.attributes[ATTR_HTTP_RESPONSE_STATUS_CODE],
    aborted: span?.attributes[ATTR_OTELWARE_ABORTED],
    status: span?.status.code,
    errorType: span?.attributes[ATTR_ERROR_TYPE],
    events: span?.events.map((event) => event.name),
  };
}

/** The span's own context in the `traceparent` format: what `traceresponse` must carry. */
export function traceparentOf(span: ReadableSpan | undefined): string {
  if (span === undefined) throw new Error('no span to read the context of');
  const { traceId, spanId, traceFlags } = span.spanContext();
  return `00-${traceId}-${spanId}-${traceFlags.toString(16).padStart(2, '0')}`;
}

/** The span's `exception` events, in the order they were recorded. */
export function exceptionEvents(span: ReadableSpan) {
  return span.events.filter((event) => event.name === 'exception');
}
