import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
} from '@opentelemetry/semantic-conventions';
import { countSpanEnds, createTestProvider } from '@otelware/test-support';
import { ATTR_OTELWARE_ABORTED, type HttpRequest } from '../src';
import { ServerTracer, TRACE_SLOT, traceOf } from '../src/adapter';

// The request lifecycle without any framework: what every adapter relies on.
// No SDK is registered globally in this file.

const scope = { name: '@otelware/core-test', version: '0.0.0' };
const request: HttpRequest = {
  method: 'GET',
  url: '/users/1',
  headers: { host: 'example.com' },
  httpVersion: '1.1',
  socket: { remoteAddress: '127.0.0.1' },
};

function tracerWith(options: ConstructorParameters<typeof ServerTracer>[0] = {}) {
  const sdk = createTestProvider();
  const counted = countSpanEnds(sdk.provider);
  return {
    sdk,
    counted,
    tracer: new ServerTracer({ ...options, tracerProvider: counted.provider }, scope),
  };
}

describe('ServerTracer and RequestTrace', () => {
  it('does nothing and returns undefined while no SDK is registered', () => {
    expect(new ServerTracer({}, scope).startRequest(request)).toBeUndefined();
  });

  it('starts a SERVER span named by the method until a route is known', async () => {
    const { sdk, tracer } = tracerWith();
    tracer.startRequest(request)?.end({ statusCode: 204 });
    const [span] = await sdk.spans(1);
    expect(span?.kind).toBe(SpanKind.SERVER);
    expect(span?.name).toBe('GET');
    expect(span?.attributes[ATTR_HTTP_RESPONSE_STATUS_CODE]).toBe(204);
  });

  it('ends the span exactly once however often end is called', async () => {
    const { sdk, counted, tracer } = tracerWith();
    const requestTrace = tracer.startRequest(request);
    requestTrace?.setRoute('/users/:id');
    requestTrace?.end({ statusCode: 200 });
    requestTrace?.end({ statusCode: 500 }, true);
    const [span] = await sdk.spans(1);
    expect([...counted.ends.values()]).toEqual([1]);
    expect(span?.name).toBe('GET /users/:id');
    expect(span?.attributes[ATTR_HTTP_ROUTE]).toBe('/users/:id');
    expect(span?.status.code).toBe(SpanStatusCode.UNSET);
    expect(span?.attributes).not.toHaveProperty(ATTR_OTELWARE_ABORTED);
  });

  it('finds a recorded request’s trace by the adapter’s object until its span ended, and resolves the route with it', async () => {
    const sdk = createTestProvider();
    const key = { template: '/users/:id' };
    const tracer = new ServerTracer<typeof key>(
      { tracerProvider: sdk.provider },
      { ...scope, resolveRoute: (routed) => routed.template, keepsTraceIn: 'table' },
    );
    const requestTrace = tracer.startRequest(request, undefined, key);
    expect(traceOf(key)).toBe(requestTrace);
    requestTrace?.end({ statusCode: 200 });
    expect(traceOf(key)).toBeUndefined();
    const [span] = await sdk.spans(1);
    expect(span?.name).toBe('GET /users/:id');
  });

  it('keeps the trace in the slot the framework declared on its request object, emptied when the span ends', async () => {
    const sdk = createTestProvider();
    const key: { [TRACE_SLOT]: unknown } = { [TRACE_SLOT]: null };
    const tracer = new ServerTracer<typeof key>(
      { tracerProvider: sdk.provider },
      { ...scope, keepsTraceIn: 'slot' },
    );
    const requestTrace = tracer.startRequest(request, undefined, key);
    expect(key[TRACE_SLOT]).toBe(requestTrace);
    expect(traceOf(key)).toBe(requestTrace);
    requestTrace?.end({ statusCode: 200 });
    expect(key[TRACE_SLOT]).toBeNull();
    expect(traceOf(key)).toBeUndefined();
    await sdk.spans(1);
  });

  it('keeps the trace nowhere for an adapter that holds it itself', async () => {
    const sdk = createTestProvider();
    const key = {};
    const tracer = new ServerTracer<typeof key>({ tracerProvider: sdk.provider }, scope);
    const requestTrace = tracer.startRequest(request, undefined, key);
    expect(requestTrace?.recording).toBe(true);
    expect(traceOf(key)).toBeUndefined();
    expect(Object.getOwnPropertySymbols(key)).toEqual([]);
    requestTrace?.end({ statusCode: 200 });
    await sdk.spans(1);
  });

  it('records an error whose response never came as ERROR with its type', async () => {
    const { sdk, tracer } = tracerWith();
    const requestTrace = tracer.startRequest(request);
    requestTrace?.setError(new SyntaxError('bad json'));
    requestTrace?.end(undefined, true);
    const [span] = await sdk.spans(1);
    expect(span?.status).toEqual({ code: SpanStatusCode.ERROR, message: 'bad json' });
    expect(span?.attributes[ATTR_ERROR_TYPE]).toBe('SyntaxError');
    expect(span?.events.map((event) => event.name)).toEqual(['exception']);
  });

  it('does not record an error the app answered with a 4xx', async () => {
    const { sdk, tracer } = tracerWith();
    const requestTrace = tracer.startRequest(request);
    requestTrace?.setError(new Error('not found'));
    requestTrace?.end({ statusCode: 404 });
    const [span] = await sdk.spans(1);
    expect(span?.status.code).toBe(SpanStatusCode.UNSET);
    expect(span?.events).toEqual([]);
    expect(span?.attributes).not.toHaveProperty(ATTR_ERROR_TYPE);
  });

  it('records no status code for an aborted response whose headers were never sent', async () => {
    const { sdk, tracer } = tracerWith();
    tracer.startRequest(request)?.end({ statusCode: 200, headersSent: false }, true);
    const [span] = await sdk.spans(1);
    expect(span?.attributes[ATTR_OTELWARE_ABORTED]).toBe(true);
    expect(span?.attributes).not.toHaveProperty(ATTR_HTTP_RESPONSE_STATUS_CODE);
  });

  it('skips ignored requests before any tracing work', () => {
    const { tracer } = tracerWith({ ignore: (req) => req.url === '/users/1' });
    expect(tracer.startRequest(request)).toBeUndefined();
  });
});

describe('ServerTracer.enabled', () => {
  it('is false while no SDK is registered, true with a tracer provider', () => {
    expect(new ServerTracer({}, scope).enabled).toBe(false);
    expect(tracerWith().tracer.enabled).toBe(true);
  });

  it('is false, without throwing, when the tracer provider throws', () => {
    const provider = {
      getTracer: () => {
        throw new Error('SDK bug');
      },
    };
    expect(new ServerTracer({ tracerProvider: provider }, scope).enabled).toBe(false);
  });
});
