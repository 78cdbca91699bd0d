import {
  ROOT_CONTEXT,
  defaultTextMapGetter,
  defaultTextMapSetter,
  trace,
  type Context,
  type TextMapPropagator,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  TracerProvider,
  type Sampler,
} from '@opentelemetry/sdk-trace';
import { TraceContextPropagator } from '../../src';

// With the real SDK (no global registration, explicit contexts): its Tracer
// builds span flags from the sampling decision alone, so Level 2's `02` bit is
// lost at the first local span unless the propagator remembers it.

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const propagator = new TraceContextPropagator();

function startSpanIn(context: Context, sampler: Sampler): Context {
  const tracer = new TracerProvider({ sampler }).getTracer('sdk-random-flag');
  return trace.setSpan(context, tracer.startSpan('server', {}, context));
}

function sentFlags(context: Context, via: TextMapPropagator = propagator) {
  const headers: Record<string, string> = {};
  via.inject(context, headers, defaultTextMapSetter);
  return headers.traceparent?.slice(53);
}

function extracted(flags: string): Context {
  return propagator.extract(
    ROOT_CONTEXT,
    { traceparent: `00-${TRACE_ID}-b7ad6b7169203331-${flags}` },
    defaultTextMapGetter,
  );
}

describe('the random-trace-id flag with the OpenTelemetry SDK', () => {
  it('is set on a root span the SDK starts with its random trace id', () => {
    expect(sentFlags(startSpanIn(ROOT_CONTEXT, new AlwaysOnSampler()))).toBe('03');
  });

  it('keeps the incoming flag when the local sampler drops the trace', () => {
    const context = startSpanIn(extracted('03'), new AlwaysOffSampler());
    expect(trace.getSpanContext(context)?.traceFlags).toBe(0); // what the SDK keeps
    expect(sentFlags(context)).toBe('02');
  });

  it('keeps the incoming flag when the local sampler samples an unsampled trace', () => {
    expect(sentFlags(startSpanIn(extracted('02'), new AlwaysOnSampler()))).toBe('03');
  });

  it('does not claim randomness for a continued trace whose caller did not', () => {
    expect(sentFlags(startSpanIn(extracted('01'), new AlwaysOnSampler()))).toBe('01');
  });

  it('is what the SDK’s own W3CTraceContextPropagator loses (the divergence this fixes)', () => {
    const context = startSpanIn(extracted('03'), new AlwaysOffSampler());
    expect(sentFlags(context, new W3CTraceContextPropagator())).toBe('00');
  });
});
