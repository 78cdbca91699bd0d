import {
  propagation,
  type Context,
  type TextMapPropagator,
  type TextMapSetter,
} from '@opentelemetry/api';
import { TRACEPARENT_HEADER, TRACESTATE_HEADER } from '@otelware/core/adapter';

/** `tracestate:` with nothing after it is never sent. */
const isEmptyTracestate = (key: string, value: string) => key === TRACESTATE_HEADER && value === '';

function inject<Carrier>(
  context: Context,
  carrier: Carrier,
  setter: TextMapSetter<Carrier>,
  propagator: TextMapPropagator | undefined,
): void {
  if (propagator === undefined) propagation.inject(context, carrier, setter);
  else propagator.inject(context, carrier, setter);
}

/**
 * Sets a header only where the caller has not: their own `traceparent` (and the
 * `tracestate` that belongs to it), `baggage` or any other field wins.
 */
class KeepCallersHeaders implements TextMapSetter<Headers> {
  added = false;

  constructor(private readonly callerTraceparent: boolean) {}

  set(headers: Headers, key: string, value: string): void {
    if (headers.has(key)) return;
    if (this.callerTraceparent && key === TRACESTATE_HEADER) return;
    if (isEmptyTracestate(key, value)) return;
    headers.set(key, value);
    this.added = true;
  }
}

type HeaderRecord = Record<string, string>;

/** Collects the trace headers of a call the caller gave no headers: nothing to keep or copy. */
const intoRecord: TextMapSetter<HeaderRecord> = {
  set(headers, key, value) {
    if (!isEmptyTracestate(key, value)) headers[key] = value;
  },
};

/**
 * A copy of the caller's headers with the trace context of `context` added, or
 * `undefined` when nothing was added. The caller's own objects are never changed.
 * A call without headers (the common case) gets a plain object: building a
 * `Headers` per call costs more than the trace context itself.
 */
export function headersWithContext(
  callerHeaders: unknown,
  context: Context,
  propagator: TextMapPropagator | undefined,
): Headers | HeaderRecord | undefined {
  if (callerHeaders === undefined) {
    const added: HeaderRecord = {};
    inject(context, added, intoRecord, propagator);
    return Object.keys(added).length === 0 ? undefined : added;
  }
  const headers = new Headers(callerHeaders as ConstructorParameters<typeof Headers>[0]);
  const setter = new KeepCallersHeaders(headers.has(TRACEPARENT_HEADER));
  inject(context, headers, setter, propagator);
  return setter.added ? headers : undefined;
}
