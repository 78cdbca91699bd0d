import {
  metrics,
  trace,
  type MeterProvider,
  type TextMapPropagator,
  type TracerProvider,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import {
  ATTR_HTTP_REQUEST_HEADER,
  ATTR_HTTP_RESPONSE_HEADER,
} from '@opentelemetry/semantic-conventions';
import { DEFAULT_KNOWN_METHODS } from '../src/known-methods';
import { DEFAULT_REDACTED_QUERY_PARAMS } from '../src/redact';
import { resolveOptions } from '../src/resolve-options';
import type { TracingOptions } from '../src/types';

/** The error `fn` throws, or a failure when it throws nothing. */
function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw, but nothing was thrown');
}

function bad(options: unknown): TracingOptions {
  return options as TracingOptions;
}

const defaults = {
  tracerProvider: undefined,
  meterProvider: undefined,
  propagator: undefined,
  ignore: undefined,
  spanName: undefined,
  requestHook: undefined,
  responseHook: undefined,
  requestHeaders: [],
  responseHeaders: [],
  redactQueryParams: new Set(DEFAULT_REDACTED_QUERY_PARAMS),
  knownMethods: new Set(DEFAULT_KNOWN_METHODS),
  traceResponse: false,
};

describe('resolveOptions: defaults', () => {
  it('resolves undefined to the defaults', () => {
    expect(resolveOptions(undefined)).toStrictEqual(defaults);
  });

  it('resolves an empty object to the defaults', () => {
    expect(resolveOptions({})).toStrictEqual(defaults);
  });

  it('resolves options that are all undefined to the defaults', () => {
    expect(
      resolveOptions({ tracerProvider: undefined, ignore: undefined, captureHeaders: undefined }),
    ).toStrictEqual(defaults);
  });
});

describe('resolveOptions: valid options', () => {
  it('keeps the given tracer provider, meter provider and propagator', () => {
    const tracerProvider: TracerProvider = trace.getTracerProvider();
    const meterProvider: MeterProvider = metrics.getMeterProvider();
    const propagator: TextMapPropagator = new W3CTraceContextPropagator();
    const resolved = resolveOptions({ tracerProvider, meterProvider, propagator });
    expect(resolved.tracerProvider).toBe(tracerProvider);
    expect(resolved.meterProvider).toBe(meterProvider);
    expect(resolved.propagator).toBe(propagator);
  });

  it('keeps the given hooks', () => {
    const ignore = () => false;
    const spanName = () => 'name';
    const requestHook = () => undefined;
    const responseHook = () => undefined;
    const resolved = resolveOptions({ ignore, spanName, requestHook, responseHook });
    expect(resolved.ignore).toBe(ignore);
    expect(resolved.spanName).toBe(spanName);
    expect(resolved.requestHook).toBe(requestHook);
    expect(resolved.responseHook).toBe(responseHook);
  });

  it('lower-cases, trims and de-duplicates captured header names', () => {
    const resolved = resolveOptions({
      captureHeaders: {
        request: ['X-Request-ID', ' x-request-id ', ''],
        response: ['Content-Type'],
      },
    });
    expect([resolved.requestHeaders, resolved.responseHeaders]).toEqual([
      [['x-request-id', ATTR_HTTP_REQUEST_HEADER('x-request-id')]],
      [['content-type', ATTR_HTTP_RESPONSE_HEADER('content-type')]],
    ]);
  });

  it('replaces the redacted query parameters with the given list', () => {
    expect(resolveOptions({ redactQueryParams: ['token'] }).redactQueryParams).toEqual(
      new Set(['token']),
    );
  });

  it.each([false, 'traceresponse', 'server-timing'] as const)(
    'keeps traceResponse %s',
    (traceResponse) => {
      expect(resolveOptions({ traceResponse }).traceResponse).toBe(traceResponse);
    },
  );

  it('replaces the known methods with the given list', () => {
    expect(resolveOptions({ knownMethods: ['GET', 'QUERY'] }).knownMethods).toEqual(
      new Set(['GET', 'QUERY']),
    );
  });
});

describe('resolveOptions: bad options', () => {
  const noop = () => undefined;

  it.each([
    ['a string ignore', { ignore: 'health' }, 'option "ignore" must be a function'],
    ['a null ignore', { ignore: null }, 'option "ignore" must be a function'],
    ['a number spanName', { spanName: 42 }, 'option "spanName" must be a function'],
    ['an object requestHook', { requestHook: {} }, 'option "requestHook" must be a function'],
    ['a string responseHook', { responseHook: 'x' }, 'option "responseHook" must be a function'],
    [
      'a string knownMethods',
      { knownMethods: 'GET,POST' },
      'option "knownMethods" must be an array of strings',
    ],
    [
      'a knownMethods array with a number',
      { knownMethods: ['GET', 1] },
      'option "knownMethods" must be an array of strings',
    ],
    [
      'a string redactQueryParams',
      { redactQueryParams: 'sig' },
      'option "redactQueryParams" must be an array of strings',
    ],
    [
      'a redactQueryParams array with null',
      { redactQueryParams: ['sig', null] },
      'option "redactQueryParams" must be an array of strings',
    ],
    [
      'a tracerProvider without getTracer',
      { tracerProvider: {} },
      'option "tracerProvider" must be a TracerProvider (with getTracer())',
    ],
    [
      'a tracerProvider whose getTracer is not a function',
      { tracerProvider: { getTracer: 'tracer' } },
      'option "tracerProvider" must be a TracerProvider (with getTracer())',
    ],
    [
      'a meterProvider without getMeter',
      { meterProvider: { getTracer: () => undefined } },
      'option "meterProvider" must be a MeterProvider (with getMeter())',
    ],
    [
      'a null tracerProvider',
      { tracerProvider: null },
      'option "tracerProvider" must be a TracerProvider (with getTracer())',
    ],
    [
      'a propagator missing fields()',
      { propagator: { extract: noop, inject: noop } },
      'option "propagator" must be a TextMapPropagator (with extract(), inject() and fields())',
    ],
    [
      'a string captureHeaders',
      { captureHeaders: 'x-request-id' },
      'option "captureHeaders" must be an object { request?: string[], response?: string[] }',
    ],
    [
      'a null captureHeaders',
      { captureHeaders: null },
      'option "captureHeaders" must be an object { request?: string[], response?: string[] }',
    ],
    [
      'a string captureHeaders.request',
      { captureHeaders: { request: 'x-request-id' } },
      'option "captureHeaders.request" must be an array of strings',
    ],
    [
      'a captureHeaders.response array with a number',
      { captureHeaders: { response: ['content-type', 1] } },
      'option "captureHeaders.response" must be an array of strings',
    ],
    ['an unknown option name', { ignored: () => true }, 'unknown option "ignored"'],
  ])('rejects %s with a TypeError naming the option', (_case, options, message) => {
    const error = thrownBy(() => resolveOptions(bad(options)));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).message).toBe(`@otelware: ${message}`);
  });

  it.each([true, null, 'TraceResponse', 'server_timing', 'traceparent'])(
    'rejects traceResponse %p with a TypeError naming the option',
    (traceResponse) => {
      const error = thrownBy(() => resolveOptions(bad({ traceResponse })));
      expect(error).toBeInstanceOf(TypeError);
      expect((error as TypeError).message).toBe(
        `@otelware: option "traceResponse" must be false, 'traceresponse' or 'server-timing'`,
      );
    },
  );

  it('rejects options that are not an object', () => {
    const error = thrownBy(() => resolveOptions(bad('tracing')));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).message).toBe('@otelware: options must be an object');
  });

  it('rejects null options', () => {
    const error = thrownBy(() => resolveOptions(bad(null)));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).message).toBe('@otelware: options must be an object');
  });

  it('rejects a captureHeaders given as an array of names', () => {
    const error = thrownBy(() => resolveOptions(bad({ captureHeaders: ['x-request-id'] })));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).message).toContain('"captureHeaders"');
  });

  it('rejects an unknown key inside captureHeaders', () => {
    const error = thrownBy(() => resolveOptions(bad({ captureHeaders: { requests: ['x-id'] } })));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).message).toContain('"captureHeaders.requests"');
  });
});
