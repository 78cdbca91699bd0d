import { OTLPMetricExporter as OtlpJsonMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPMetricExporter as OtlpProtobufMetricExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import type { Resource } from '@opentelemetry/resources';
import {
  ConsoleMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
  type MetricReader,
  type PushMetricExporter,
} from '@opentelemetry/sdk-metrics';
import { exportersFromEnv, type MetricExporterKind } from './exporters-from-env';
import { reportFailure } from './report-failure';
import { integerFromEnv } from './sdk-settings-from-env';
import type { Env, NodeTracingOptions } from './types';

const DEFAULT_INTERVAL_MILLIS = 60_000; // OTEL_METRIC_EXPORT_INTERVAL's default
const DEFAULT_TIMEOUT_MILLIS = 30_000; // OTEL_METRIC_EXPORT_TIMEOUT's default

function createMetricExporter(kind: MetricExporterKind): PushMetricExporter {
  switch (kind) {
    case 'otlp-http/protobuf':
      return new OtlpProtobufMetricExporter(); // endpoint, headers, timeout: from the environment
    case 'otlp-http/json':
      return new OtlpJsonMetricExporter();
    case 'console-dump':
      return new ConsoleMetricExporter();
  }
}

function periodicReader(exporter: PushMetricExporter, env: Env): MetricReader {
  const interval = integerFromEnv(env, 'OTEL_METRIC_EXPORT_INTERVAL', 1, DEFAULT_INTERVAL_MILLIS);
  const timeout = integerFromEnv(env, 'OTEL_METRIC_EXPORT_TIMEOUT', 1, DEFAULT_TIMEOUT_MILLIS);
  // the reader refuses a timeout longer than its interval
  return new PeriodicExportingMetricReader({
    exporter,
    exportIntervalMillis: interval,
    exportTimeoutMillis: Math.min(timeout, interval),
  });
}

/**
 * The meter provider the options and environment describe (`OTEL_METRICS_EXPORTER`,
 * the OTLP endpoint and protocol variables, `OTEL_METRIC_EXPORT_INTERVAL`/`_TIMEOUT`,
 * plus the `metricReaders` option), on the traces' resource; `undefined` when no
 * metric would go anywhere, so that none is registered and nothing is timed.
 */
export function buildMeterProvider(
  options: NodeTracingOptions,
  env: Env,
  resource: Resource,
): MeterProvider | undefined {
  const readers: MetricReader[] = exportersFromEnv(env, 'metrics').flatMap((kind) => {
    try {
      return [periodicReader(createMetricExporter(kind), env)];
    } catch (error) {
      reportFailure(
        `could not create the ${kind} metric exporter; metrics are not sent there`,
        error,
      );
      return [];
    }
  });
  readers.push(...(options.metricReaders ?? []));
  return readers.length === 0 ? undefined : new MeterProvider({ resource, readers });
}
