import type { TextMapPropagator } from '@opentelemetry/api';
import { CompositePropagator, W3CBaggagePropagator } from '@opentelemetry/core';
import { TraceContextPropagator } from '@otelware/core';

/**
 * The propagator `start()` registers unless given one: otelware's spec-exact W3C
 * Trace Context (which also keeps Level 2's random-trace-id flag), then W3C Baggage.
 */
export function defaultPropagator(): TextMapPropagator {
  return new CompositePropagator({
    propagators: [new TraceContextPropagator(), new W3CBaggagePropagator()],
  });
}
