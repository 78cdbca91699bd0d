import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_URL_SCHEME,
} from '@opentelemetry/semantic-conventions';
import { AlwaysOffSampler } from '@opentelemetry/sdk-trace';
import { createTestMeter, createTestProvider, useTestTracing } from '@otelware/test-support';
import { wrapFetch } from '../src';
import { closedPort, startLocalServer, type LocalServer } from './local-server';

useTestTracing();
let server: LocalServer;

beforeAll(async () => {
  server = await startLocalServer();
});
afterAll(() => server.close());

const NAME = 'http.client.request.duration';

describe('http.client.request.duration of fetch', () => {
  it('records each call with method, address, port, scheme and status (fetch does not tell the protocol)', async () => {
    const meter = createTestMeter();
    const tracedFetch = wrapFetch(fetch, { meterProvider: meter.meterProvider });
    await (await tracedFetch(`${server.origin}/status/201?page=1`)).text();
    await (await tracedFetch(`${server.origin}/status/201?page=2`)).text();
    const points = await meter.histogram(NAME, 2);
    expect(points.map((point) => [point.attributes, point.value.count])).toStrictEqual([
      [
        {
          [ATTR_HTTP_REQUEST_METHOD]: 'GET',
          [ATTR_URL_SCHEME]: 'http',
          [ATTR_SERVER_ADDRESS]: '127.0.0.1',
          [ATTR_SERVER_PORT]: server.port,
          [ATTR_HTTP_RESPONSE_STATUS_CODE]: 201,
        },
        2,
      ],
    ]);
  });

  it('records a refused connection with its error code, also when the span is unsampled', async () => {
    const meter = createTestMeter();
    const unsampled = createTestProvider(new AlwaysOffSampler());
    const tracedFetch = wrapFetch(fetch, {
      meterProvider: meter.meterProvider,
      tracerProvider: unsampled.provider,
    });
    const port = await closedPort();
    await expect(tracedFetch(`http://127.0.0.1:${port}/`)).rejects.toThrow('fetch failed');
    const [point] = await meter.histogram(NAME);
    expect(point?.attributes).toStrictEqual({
      [ATTR_HTTP_REQUEST_METHOD]: 'GET',
      [ATTR_URL_SCHEME]: 'http',
      [ATTR_SERVER_ADDRESS]: '127.0.0.1',
      [ATTR_SERVER_PORT]: port,
      [ATTR_ERROR_TYPE]: 'ECONNREFUSED',
    });
    expect(await unsampled.spans(0)).toEqual([]);
  });
});
