import type { TraceState } from '@opentelemetry/api';
import { parseTraceState } from './parse-tracestate';
import { EMPTY_TRACE_STATE } from './w3c-trace-state';

/**
 * A spec-exact `TraceState`, a drop-in for the API's `createTraceState`: from a
 * `tracestate` header value, or empty when `header` is missing or invalid (an
 * invalid header is discarded whole, like an incoming one).
 *
 * @example
 * const state = createW3CTraceState('rojo=00f067aa0ba902b7').set('congo', 't61rcWkgMzE');
 * state.serialize(); // 'congo=t61rcWkgMzE,rojo=00f067aa0ba902b7'
 */
export function createW3CTraceState(header?: string): TraceState {
  return (header === undefined ? undefined : parseTraceState(header)) ?? EMPTY_TRACE_STATE;
}
