import { createNoopMeter, metrics, trace, type MeterProvider } from '@opentelemetry/api';
import { hrTimeToMilliseconds, W3CTraceContextPropagator } from '@opentelemetry/core';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_NETWORK_PROTOCOL_VERSION,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_URL_SCHEME,
} from '@opentelemetry/semantic-conventions';
import { countSpanEnds, createTestMeter, createTestProvider } from '@otelware/test-support';
import { type HttpRequest } from '../src';
import { ClientTracer, ServerTracer } from '../src/adapter';

// The duration histograms without any framework. No tracer SDK is registered
// globally in this file; the global meter provider is set by one test on purpose.

const scope = { name: '@otelware/core-test', version: '0.0.0' };
const incoming = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
const request: HttpRequest = {
  method: 'GET',
  url: '/users/1',
  headers: { host: 'example.com', traceparent: incoming },
  httpVersion: '1.1',
  socket: { remoteAddress: '127.0.0.1' },
};
const SERVER = 'http.server.request.duration';
const CLIENT = 'http.client.request.duration';

/** A meter provider whose histograms throw when they record. */
const throwingMeters: MeterProvider = {
  getMeter: () =>
    ({
      createHistogram: () => ({
        record: () => {
          throw new Error('record failed');
        },
      }),
    }) as unknown as ReturnType<MeterProvider['getMeter']>,
};

describe('http.server.request.duration in the core', () => {
  it('starts measuring once a global meter provider registers, even with no tracer SDK', async () => {
    const tracer = new ServerTracer({ propagator: new W3CTraceContextPropagator() }, scope);
    expect(tracer.enabled).toBe(false);
    expect(tracer.startRequest(request)).toBeUndefined();

    const meter = createTestMeter();
    metrics.setGlobalMeterProvider(meter.meterProvider);
    try {
      expect(tracer.enabled).toBe(true);
      const requestTrace = tracer.startRequest(request);
      // no tracer: a non-recording span that carries the incoming trace on
      expect(requestTrace?.recording).toBe(false);
      expect(requestTrace?.recordsOutcome).toBe(true);
      expect(trace.getSpanContext(requestTrace!.context)?.traceId).toBe(
        '0af7651916cd43dd8448eb211c80319c',
      );
      requestTrace?.setRoute('/users/:id');
      requestTrace?.end({ statusCode: 503 });
      const points = await meter.histogram(SERVER);
      expect(points.map((point) => point.attributes)).toStrictEqual([
        {
          [ATTR_HTTP_REQUEST_METHOD]: 'GET',
          [ATTR_URL_SCHEME]: 'http',
          [ATTR_HTTP_ROUTE]: '/users/:id',
          [ATTR_HTTP_RESPONSE_STATUS_CODE]: 503,
          [ATTR_ERROR_TYPE]: '503',
          [ATTR_NETWORK_PROTOCOL_VERSION]: '1.1',
        },
      ]);
    } finally {
      metrics.disable();
    }
  });

  it('asks a provider that gave a no-op meter only once, not on every request', () => {
    const getMeter = jest.fn(() => createNoopMeter());
    const tracer = new ServerTracer({ meterProvider: { getMeter } }, scope);
    for (let i = 0; i < 3; i++) expect(tracer.startRequest(request)).toBeUndefined();
    expect(tracer.enabled).toBe(false);
    expect(getMeter).toHaveBeenCalledTimes(1);
  });

  it('records the error type of an error whose response never came, without a status', async () => {
    const meter = createTestMeter();
    const tracer = new ServerTracer({ meterProvider: meter.meterProvider }, scope);
    const requestTrace = tracer.startRequest(request);
    requestTrace?.setError(new RangeError('gone'));
    requestTrace?.end(undefined, true);
    const [point] = await meter.histogram(SERVER);
    expect(point?.attributes).toStrictEqual({
      [ATTR_HTTP_REQUEST_METHOD]: 'GET',
      [ATTR_URL_SCHEME]: 'http',
      [ATTR_ERROR_TYPE]: 'RangeError',
      [ATTR_NETWORK_PROTOCOL_VERSION]: '1.1',
    });
  });

  it('ends the span once and throws nothing when the histogram throws', async () => {
    const sdk = createTestProvider();
    const counted = countSpanEnds(sdk.provider);
    const tracer = new ServerTracer(
      { tracerProvider: counted.provider, meterProvider: throwingMeters },
      scope,
    );
    const requestTrace = tracer.startRequest(request);
    expect(() => requestTrace?.end({ statusCode: 200 })).not.toThrow();
    const [span] = await sdk.spans(1);
    expect([...counted.ends.values()]).toEqual([1]);
    expect(span?.attributes[ATTR_HTTP_RESPONSE_STATUS_CODE]).toBe(200);
  });
});

describe('http.client.request.duration in the core', () => {
  const url = new URL('https://api.example.com/orders/7?token=abc');
  const base = {
    [ATTR_HTTP_REQUEST_METHOD]: 'POST',
    [ATTR_URL_SCHEME]: 'https',
    [ATTR_SERVER_ADDRESS]: 'api.example.com',
    [ATTR_SERVER_PORT]: 443,
  };

  function clientWith() {
    const meter = createTestMeter();
    const sdk = createTestProvider();
    const tracer = new ClientTracer(
      { meterProvider: meter.meterProvider, tracerProvider: sdk.provider },
      scope,
    );
    return { meter, sdk, tracer };
  }

  it('records a response with status and protocol, over exactly the span interval', async () => {
    const { meter, sdk, tracer } = clientWith();
    tracer.startCall('POST', url)?.end({ status: 201, protocolVersion: '1.1' });
    const [point] = await meter.histogram(CLIENT);
    const [span] = await sdk.spans(1);
    expect(point?.attributes).toStrictEqual({
      ...base,
      [ATTR_HTTP_RESPONSE_STATUS_CODE]: 201,
      [ATTR_NETWORK_PROTOCOL_VERSION]: '1.1',
    });
    expect(point?.unit).toBe('s');
    expect(point?.description).toBe('Duration of HTTP client requests.');
    expect(Math.abs(point!.value.sum! - hrTimeToMilliseconds(span!.duration) / 1000)).toBeLessThan(
      1e-6,
    );
  });

  it('records a 4xx answer with its status as error.type', async () => {
    const { meter, tracer } = clientWith();
    tracer.startCall('POST', url)?.end({ status: 404 });
    const [point] = await meter.histogram(CLIENT);
    expect(point?.attributes).toStrictEqual({
      ...base,
      [ATTR_HTTP_RESPONSE_STATUS_CODE]: 404,
      [ATTR_ERROR_TYPE]: '404',
    });
  });

  it('records a failure by its error code, and a cancellation without error.type', async () => {
    const { meter, tracer } = clientWith();
    tracer
      .startCall('POST', url)
      ?.fail(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }));
    tracer.startCall('POST', url)?.cancel();
    const points = await meter.histogram(CLIENT, 2);
    expect(points.map((point) => point.attributes)).toStrictEqual([
      { ...base, [ATTR_ERROR_TYPE]: 'ECONNREFUSED' },
      base,
    ]);
  });

  it('never records the URL: the metric stays low-cardinality', async () => {
    const { meter, tracer } = clientWith();
    tracer.startCall('POST', new URL('https://api.example.com/orders/8'))?.end({ status: 200 });
    tracer.startCall('POST', new URL('https://api.example.com/orders/9'))?.end({ status: 200 });
    const points = await meter.histogram(CLIENT, 2);
    expect(points.map((point) => point.value.count)).toEqual([2]);
  });
});
