import { createNoopMeter, metrics, type MeterProvider } from '@opentelemetry/api';
import { OTLPMetricExporter as OtlpJsonMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPMetricExporter as OtlpProtobufMetricExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import {
  AggregationTemporality,
  ConsoleMetricExporter,
  InMemoryMetricExporter,
  MetricReader,
  PeriodicExportingMetricReader,
  type Histogram,
} from '@opentelemetry/sdk-metrics';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { tracing } from '@otelware/express';
import express from 'express';
import request from 'supertest';
import { start } from '../src';
import { buildMeterProvider } from '../src/build-meter-provider';
import { exportersFromEnv } from '../src/exporters-from-env';
import { createResource } from '../src/create-resource';
import { useDiagSpy } from './diag-spy';
import { resetStart } from './reset-start';

const diagSpy = useDiagSpy();
afterEach(resetStart);
const endpoint = 'http://collector:4318';

class OnDemandReader extends MetricReader {
  protected async onForceFlush(): Promise<void> {}
  protected async onShutdown(): Promise<void> {}
}

/** The exporters inside the periodic readers of the meter provider `env` builds. */
function metricExportersFor(env: Record<string, string>) {
  const provider = buildMeterProvider({}, env, createResource({}, env));
  // the SDK keeps its readers private: read them the way its own tests do
  const readers = ((provider as unknown as { _sharedState?: { metricCollectors?: unknown[] } })
    ?._sharedState?.metricCollectors ?? []) as { _metricReader: unknown }[];
  return {
    provider,
    exporters: readers.map(
      (collector) =>
        (collector._metricReader as { _exporter: unknown; _exportInterval: number })._exporter,
    ),
    intervals: readers.map(
      (collector) => (collector._metricReader as { _exportInterval: number })._exportInterval,
    ),
  };
}

describe('the metric exporters the environment chooses', () => {
  it.each([
    [{}, []],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint }, ['otlp-http/protobuf']],
    [{ OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: `${endpoint}/v1/metrics` }, ['otlp-http/protobuf']],
    [{ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${endpoint}/v1/traces` }, []],
    [{ OTEL_METRICS_EXPORTER: 'console' }, ['console-dump']],
    [{ OTEL_METRICS_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: endpoint }, []],
    [{ OTEL_METRICS_EXPORTER: 'otlp' }, ['otlp-http/protobuf']],
    [
      {
        OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
        OTEL_EXPORTER_OTLP_METRICS_PROTOCOL: 'http/json',
      },
      ['otlp-http/json'],
    ],
    [
      { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json' },
      ['otlp-http/protobuf'],
    ],
  ])('%j → %j', (env, kinds) => {
    expect(exportersFromEnv(env, 'metrics')).toEqual(kinds);
  });

  it('builds the official exporter of each kind behind a periodic reader, none for nothing', () => {
    expect(metricExportersFor({}).provider).toBeUndefined();
    const protobuf = metricExportersFor({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint });
    expect(protobuf.exporters.map((e) => e instanceof OtlpProtobufMetricExporter)).toEqual([true]);
    expect(protobuf.intervals).toEqual([60_000]);
    const json = metricExportersFor({
      OTEL_METRICS_EXPORTER: 'otlp,console',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_METRIC_EXPORT_INTERVAL: '5000',
    });
    expect(json.exporters.map((e) => e?.constructor)).toEqual([
      OtlpJsonMetricExporter,
      ConsoleMetricExporter,
    ]);
    expect(json.intervals).toEqual([5000, 5000]);
  });

  it('warns about an export interval that is not a positive integer, and keeps the default', () => {
    const { intervals } = metricExportersFor({
      OTEL_METRICS_EXPORTER: 'console',
      OTEL_METRIC_EXPORT_INTERVAL: '-5',
    });
    expect(intervals).toEqual([60_000]);
    expect(diagSpy.warnings).toEqual([
      '@otelware/node: OTEL_METRIC_EXPORT_INTERVAL="-5" is not a positive integer; using 60000',
    ]);
  });
});

describe('start() and metrics', () => {
  const noop = () => metrics.getMeterProvider().getMeter('probe') === createNoopMeter();

  it('registers no meter provider when metrics have nowhere to go', () => {
    const handle = start({ env: { OTEL_TRACES_EXPORTER: 'none' } });
    expect(handle.meterProvider).toBeUndefined();
    expect(noop()).toBe(true);
  });

  it('registers a meter provider on the service resource: the adapters record into it', async () => {
    const reader = new OnDemandReader();
    const handle = start({
      serviceName: 'users-api',
      exporter: new InMemorySpanExporter(),
      metricReaders: [reader],
      env: {},
    });
    expect(metrics.getMeterProvider()).toBe(handle.meterProvider as MeterProvider);

    const app = express();
    app.use(tracing());
    app.get('/users/:id', (_req, res) => void res.json({}));
    await request(app).get('/users/7').expect(200);
    await new Promise((resolve) => setImmediate(resolve)); // the span ends on 'close'

    const { resourceMetrics } = await reader.collect();
    expect(resourceMetrics.resource.attributes['service.name']).toBe('users-api');
    const [metric] = resourceMetrics.scopeMetrics.flatMap((scope) => scope.metrics);
    expect(metric?.descriptor.name).toBe('http.server.request.duration');
    expect(metric?.dataPoints.map((point) => point.attributes)).toEqual([
      {
        'http.request.method': 'GET',
        'url.scheme': 'http',
        'http.route': '/users/:id',
        'http.response.status_code': 200,
        'network.protocol.version': '1.1',
      },
    ]);
    expect((metric?.dataPoints[0]?.value as Histogram).count).toBe(1);
  });

  it('exports the last collection once when it shuts down', async () => {
    const exporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
    const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 60_000 });
    const handle = start({
      exporter: new InMemorySpanExporter(),
      metricReaders: [reader],
      env: {},
    });
    metrics.getMeter('test').createCounter('ticks').add(1);
    await handle.shutdown();
    expect(exporter.getMetrics()).toHaveLength(1);
  });

  it('throws a TypeError for metricReaders that are not readers', () => {
    expect(() => start({ metricReaders: [{}] as unknown as MetricReader[] })).toThrow(
      new TypeError('@otelware: option "metricReaders" must be an array of MetricReaders'),
    );
  });
});
