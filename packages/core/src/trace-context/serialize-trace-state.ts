import type { TraceState } from '@opentelemetry/api';
import { parseTraceState } from './parse-tracestate';
import { W3CTraceState } from './w3c-trace-state';

/**
 * The `tracestate` value to send for `traceState`, `''` for none. A state from
 * elsewhere (a sampler using the API's `createTraceState`, whose `set` checks
 * nothing and whose length limit drops everything) goes through the same parser
 * and limit as an incoming header, so only a valid header leaves this process.
 */
export function serializeTraceState(traceState: TraceState | undefined): string {
  if (traceState === undefined) return '';
  if (traceState instanceof W3CTraceState) return traceState.serialize();
  return parseTraceState(traceState.serialize())?.serialize() ?? '';
}
