import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_REQUEST_METHOD_ORIGINAL,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_NETWORK_PROTOCOL_VERSION,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_URL_FULL,
} from '@opentelemetry/semantic-conventions';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { countSpanEnds, createTestProvider } from '@otelware/test-support';
import { type HttpTracingOptions } from '../src';
import { ClientTracer } from '../src/adapter';

// The client-span rules without any HTTP client. No SDK is registered globally here,
// only a context manager, so that a span can be active.
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());

const scope = { name: '@otelware/core-test', version: '0.0.0' };

function tracerWith(options: HttpTracingOptions = {}) {
  const sdk = createTestProvider();
  const counted = countSpanEnds(sdk.provider);
  return {
    sdk,
    counted,
    tracer: new ClientTracer({ ...options, tracerProvider: counted.provider }, scope),
  };
}

describe('ClientTracer', () => {
  it('starts a CLIENT span named by the method with the start attributes', async () => {
    const { sdk, tracer } = tracerWith();
    tracer
      .startCall('GET', new URL('https://[::1]/x?sig=s'))
      ?.end({ status: 200, protocolVersion: '1.1' });
    const [span] = await sdk.spans(1);
    expect(span?.name).toBe('GET');
    expect(span?.kind).toBe(SpanKind.CLIENT);
    expect(span?.attributes).toEqual({
      [ATTR_HTTP_REQUEST_METHOD]: 'GET',
      [ATTR_SERVER_ADDRESS]: '::1',
      [ATTR_SERVER_PORT]: 443,
      [ATTR_URL_FULL]: 'https://[::1]/x?sig=REDACTED',
      [ATTR_HTTP_RESPONSE_STATUS_CODE]: 200,
      [ATTR_NETWORK_PROTOCOL_VERSION]: '1.1',
    });
    expect(span?.status.code).toBe(SpanStatusCode.UNSET);
  });

  it('names an unknown method HTTP and records it as _OTHER with the original', async () => {
    const { sdk, tracer } = tracerWith();
    tracer.startCall('FOO', new URL('http://h:8080/'))?.end({ status: 204 });
    const [span] = await sdk.spans(1);
    expect(span?.name).toBe('HTTP');
    expect(span?.attributes[ATTR_HTTP_REQUEST_METHOD]).toBe('_OTHER');
    expect(span?.attributes[ATTR_HTTP_REQUEST_METHOD_ORIGINAL]).toBe('FOO');
    expect(span?.attributes[ATTR_SERVER_PORT]).toBe(8080);
  });

  it('is a child of the active span', async () => {
    const { sdk, tracer } = tracerWith();
    const parent = sdk.provider.getTracer('t').startSpan('parent');
    context.with(trace.setSpan(context.active(), parent), () =>
      tracer.startCall('GET', new URL('http://h/'))?.end({ status: 200 }),
    );
    const [span] = await sdk.spans(1);
    expect(span?.parentSpanContext?.spanId).toBe(parent.spanContext().spanId);
  });

  it.each([400, 404, 500, 503])(
    'marks a %i response ERROR with the code as error.type',
    async (status) => {
      const { sdk, tracer } = tracerWith();
      tracer.startCall('GET', new URL('http://h/'))?.end({ status });
      const [span] = await sdk.spans(1);
      expect(span?.status).toEqual({ code: SpanStatusCode.ERROR });
      expect(span?.attributes[ATTR_ERROR_TYPE]).toBe(String(status));
    },
  );

  it('records a failure once: exception, ERROR with the message and cause, error.type', async () => {
    const { sdk, tracer } = tracerWith();
    const cause = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    tracer.startCall('GET', new URL('http://h/'))?.fail(new TypeError('fetch failed', { cause }));
    const [span] = await sdk.spans(1);
    expect(span?.status).toEqual({
      code: SpanStatusCode.ERROR,
      message: 'fetch failed: connect ECONNREFUSED',
    });
    expect(span?.attributes[ATTR_ERROR_TYPE]).toBe('ECONNREFUSED');
    expect(span?.events.map((event) => event.name)).toEqual(['exception']);
  });

  it('ends a cancelled call without ERROR or error.type', async () => {
    const { sdk, tracer } = tracerWith();
    tracer.startCall('GET', new URL('http://h/'))?.cancel();
    const [span] = await sdk.spans(1);
    expect(span?.status.code).toBe(SpanStatusCode.UNSET);
    expect(span?.attributes[ATTR_ERROR_TYPE]).toBeUndefined();
    expect(span?.attributes['otelware.request.aborted']).toBe(true);
  });

  it('ends the span exactly once, whatever is called after', async () => {
    const { sdk, counted, tracer } = tracerWith();
    const call = tracer.startCall('GET', new URL('http://h/'));
    call?.end({ status: 200 });
    call?.fail(new Error('late'));
    call?.cancel();
    const [span] = await sdk.spans(1);
    expect([...counted.ends.values()]).toEqual([1]);
    expect(span?.status.code).toBe(SpanStatusCode.UNSET);
  });

  it('captures the named request and response headers', async () => {
    const { sdk, tracer } = tracerWith({
      captureHeaders: { request: ['X-Id'], response: ['x-answer'] },
    });
    const request: Record<string, string> = { 'x-id': 'a', cookie: 'c' };
    tracer
      .startCall('GET', new URL('http://h/'), (name) => request[name])
      ?.end({ status: 200, header: (name) => (name === 'x-answer' ? 'yes' : null) });
    const [span] = await sdk.spans(1);
    expect(span?.attributes['http.request.header.x-id']).toEqual(['a']);
    expect(span?.attributes['http.response.header.x-answer']).toEqual(['yes']);
    expect(span?.attributes['http.request.header.cookie']).toBeUndefined();
  });

  it('returns undefined when no SDK is registered', () => {
    expect(new ClientTracer({}, scope).startCall('GET', new URL('http://h/'))).toBeUndefined();
  });

  it('returns undefined, without throwing, when the tracer fails', () => {
    const tracer = new ClientTracer(
      {
        tracerProvider: {
          getTracer: () => {
            throw new Error('SDK bug');
          },
        },
      },
      scope,
    );
    expect(tracer.startCall('GET', new URL('http://h/'))).toBeUndefined();
  });

  it.each([
    ['tracerProvider', { tracerProvider: {} }],
    ['captureHeaders', { captureHeaders: { request: 'x' } }],
    ['redactQueryParams', { redactQueryParams: [1] }],
    ['knownMethods', { knownMethods: 'GET' }],
  ])('rejects a bad %s with a TypeError', (_name, options) => {
    expect(() => new ClientTracer(options as never, scope)).toThrow(TypeError);
  });
});
