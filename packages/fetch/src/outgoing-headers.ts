import {
  propagation,
  type Context,
  type TextMapPropagator,
  type TextMapSetter,
} from '@opentelemetry/api';

const TRACEPARENT = 'traceparent';
const TRACESTATE = 'tracestate';

/**
 * Sets a header only where the caller has not: their own `traceparent` (and the
 * `tracestate` that belongs to it), `baggage` or any other field wins.
 */
class KeepCallersHeaders implements TextMapSetter<Headers> {
  added = false;

  constructor(private readonly callerTraceparent: boolean) {}

  set(headers: Headers, key: string, value: string): void {
    if (headers.has(key)) return;
    if (this.callerTraceparent && key === TRACESTATE) return;
    if (key === TRACESTATE && value === '') return; // never an empty tracestate header
    headers.set(key, value);
    this.added = true;
  }
}

/**
 * A copy of the caller's headers with the trace context of `context` added, or
 * `undefined` when nothing was added. The caller's own objects are never changed.
 */
export function headersWithContext(
  callerHeaders: unknown,
  context: Context,
  propagator: TextMapPropagator | undefined,
): Headers | undefined {
  const headers = new Headers(callerHeaders as ConstructorParameters<typeof Headers>[0]);
  const setter = new KeepCallersHeaders(headers.has(TRACEPARENT));
  if (propagator === undefined) propagation.inject(context, headers, setter);
  else propagator.inject(context, headers, setter);
  return setter.added ? headers : undefined;
}
