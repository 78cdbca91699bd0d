import type { HrTime } from '@opentelemetry/api';
import { SpanKind } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';

// The exporter reads spans from any SDK: 2.x and 3.x name the parent `parentSpanContext`,
// 1.x `parentSpanId`. Reading both here keeps the rest of the waterfall version-blind.
type AnySdkSpan = ReadableSpan & { readonly parentSpanId?: string };

const INVALID_SPAN_ID = '0000000000000000';

export function traceIdOf(span: ReadableSpan): string {
  return span.spanContext().traceId;
}

export function spanIdOf(span: ReadableSpan): string {
  return span.spanContext().spanId;
}

/** The parent's span id, or `undefined` for a root span. */
export function parentIdOf(span: ReadableSpan): string | undefined {
  const id = span.parentSpanContext?.spanId ?? (span as AnySdkSpan).parentSpanId;
  return id && id !== INVALID_SPAN_ID ? id : undefined;
}

/** The parent came through propagation (another process, or another service in this one). */
export function hasRemoteParent(span: ReadableSpan): boolean {
  return span.parentSpanContext?.isRemote === true;
}

export function serviceNameOf(span: ReadableSpan): string {
  const name = span.resource?.attributes?.['service.name'];
  return typeof name === 'string' && name !== '' ? name : 'unknown_service';
}

const KIND_NAMES: Record<number, string> = {
  [SpanKind.INTERNAL]: 'INTERNAL',
  [SpanKind.SERVER]: 'SERVER',
  [SpanKind.CLIENT]: 'CLIENT',
  [SpanKind.PRODUCER]: 'PRODUCER',
  [SpanKind.CONSUMER]: 'CONSUMER',
};

export function kindNameOf(span: ReadableSpan): string {
  return KIND_NAMES[span.kind] ?? 'INTERNAL';
}

/**
 * Nanoseconds from `from` to `to`. Subtracting seconds first keeps the result exact:
 * epoch nanoseconds (~1.7e18) are beyond a double's integer precision.
 */
export function nanosBetween(from: HrTime, to: HrTime): number {
  return (to[0] - from[0]) * 1e9 + (to[1] - from[1]);
}
