import { hrTimeToMilliseconds } from '@opentelemetry/core';
import { AlwaysOffSampler } from '@opentelemetry/sdk-trace';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_NETWORK_PROTOCOL_VERSION,
  ATTR_URL_SCHEME,
} from '@opentelemetry/semantic-conventions';
import type { TracingOptions } from '@otelware/core';
import request from 'supertest';
import { createTestMeter } from './test-meter';
import { createTestProvider, type TestTracing } from './test-tracing';

type Target = Parameters<typeof request>[0];

/** The adapter under test, as the duration-metric suite needs it. */
export interface DurationSubject {
  /**
   * An app traced with `options` whose route `GET /search/:kind` answers `200`,
   * whose route `GET /boom` throws `new TypeError('broken')` (the framework answers
   * `500`), and which answers other paths with the framework's own `404`.
   */
  serve(options: TracingOptions): Target | Promise<Target>;
}

const NAME = 'http.server.request.duration';
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

/**
 * The stable `http.server.request.duration` histogram every server adapter records
 * through the core: call it inside the adapter's `describe`.
 */
export function durationMetricsSuite(otel: TestTracing, subject: DurationSubject): void {
  it('records one measurement per request with the stable attributes, unit and buckets', async () => {
    const meter = createTestMeter();
    const app = await subject.serve({ meterProvider: meter.meterProvider });
    await request(app).get('/search/books?q=tea').expect(200);
    await request(app).get('/search/films').expect(200);
    const points = await meter.histogram(NAME, 2);
    expect(points).toHaveLength(1);
    const [point] = points;
    expect(point?.attributes).toStrictEqual({
      [ATTR_HTTP_REQUEST_METHOD]: 'GET',
      [ATTR_URL_SCHEME]: 'http',
      [ATTR_HTTP_ROUTE]: '/search/:kind',
      [ATTR_HTTP_RESPONSE_STATUS_CODE]: 200,
      [ATTR_NETWORK_PROTOCOL_VERSION]: '1.1',
    });
    expect(point?.unit).toBe('s');
    expect(point?.description).toBe('Duration of HTTP server requests.');
    expect(point?.value.count).toBe(2);
    expect(point?.value.buckets.boundaries).toEqual(BUCKETS);
  });

  it('measures exactly the interval of the server span', async () => {
    const meter = createTestMeter();
    const app = await subject.serve({ meterProvider: meter.meterProvider });
    await request(app).get('/search/books').expect(200);
    const [span] = await otel.serverSpans();
    const [point] = await meter.histogram(NAME);
    const spanSeconds = hrTimeToMilliseconds(span!.duration) / 1000;
    expect(spanSeconds).toBeGreaterThan(0);
    expect(Math.abs(point!.value.sum! - spanSeconds)).toBeLessThan(1e-6);
  });

  it('leaves http.route out when no route matched: never the raw path', async () => {
    const meter = createTestMeter();
    const app = await subject.serve({ meterProvider: meter.meterProvider });
    await request(app).get('/users/7/orders/9').expect(404);
    const points = await meter.histogram(NAME);
    expect(points.map((point) => point.attributes)).toStrictEqual([
      {
        [ATTR_HTTP_REQUEST_METHOD]: 'GET',
        [ATTR_URL_SCHEME]: 'http',
        [ATTR_HTTP_RESPONSE_STATUS_CODE]: 404,
        [ATTR_NETWORK_PROTOCOL_VERSION]: '1.1',
      },
    ]);
  });

  it('records the error.type of a thrown error with the 500', async () => {
    const meter = createTestMeter();
    const app = await subject.serve({ meterProvider: meter.meterProvider });
    await request(app).get('/boom').expect(500);
    const points = await meter.histogram(NAME);
    expect(points.map((point) => point.attributes)).toStrictEqual([
      {
        [ATTR_HTTP_REQUEST_METHOD]: 'GET',
        [ATTR_URL_SCHEME]: 'http',
        [ATTR_HTTP_ROUTE]: '/boom',
        [ATTR_HTTP_RESPONSE_STATUS_CODE]: 500,
        [ATTR_ERROR_TYPE]: 'TypeError',
        [ATTR_NETWORK_PROTOCOL_VERSION]: '1.1',
      },
    ]);
  });

  it('records requests whose span is not sampled', async () => {
    const meter = createTestMeter();
    const unsampled = createTestProvider(new AlwaysOffSampler());
    const app = await subject.serve({
      meterProvider: meter.meterProvider,
      tracerProvider: unsampled.provider,
    });
    await request(app).get('/search/books').expect(200);
    const points = await meter.histogram(NAME);
    expect(points.map((point) => [point.attributes[ATTR_HTTP_ROUTE], point.value.count])).toEqual([
      ['/search/:kind', 1],
    ]);
    expect(await unsampled.spans(0)).toEqual([]);
  });
}
