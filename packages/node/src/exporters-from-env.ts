import { diag } from '@opentelemetry/api';
import { envValue } from './sdk-settings-from-env';
import type { Env } from './types';

/** The signal whose exporters are chosen: the variables are named after it. */
export type Signal = 'traces' | 'metrics';

const SIGNAL_VARIABLE: Readonly<Record<Signal, string>> = { traces: 'TRACES', metrics: 'METRICS' };

/**
 * What `console`, the spec's name for printing locally, stands for in each signal's
 * variable: the terminal waterfall for traces; for metrics, the SDK's
 * `ConsoleMetricExporter`, which dumps each metric's data points with `console.dir`.
 */
const CONSOLE_KIND = { traces: 'waterfall', metrics: 'console-dump' } as const;

/** An OTLP exporter, by the protocol it sends. */
type OtlpKind = 'otlp-http/protobuf' | 'otlp-http/json';

/** A span exporter the environment can choose. */
export type TraceExporterKind = OtlpKind | (typeof CONSOLE_KIND)['traces'];

/** A metric exporter the environment can choose. */
export type MetricExporterKind = OtlpKind | (typeof CONSOLE_KIND)['metrics'];

type ExporterKind = TraceExporterKind | MetricExporterKind;

/**
 * `OTEL_EXPORTER_OTLP_{TRACES|METRICS}_PROTOCOL`, else `OTEL_EXPORTER_OTLP_PROTOCOL`,
 * else `http/protobuf` (the spec's default). gRPC is not bundled: it warns and sends
 * http/protobuf, which needs the collector's HTTP port (4318), not 4317.
 */
function otlpKindFromEnv(env: Env, signal: Signal): OtlpKind {
  const protocol =
    envValue(env, `OTEL_EXPORTER_OTLP_${SIGNAL_VARIABLE[signal]}_PROTOCOL`) ??
    envValue(env, 'OTEL_EXPORTER_OTLP_PROTOCOL');
  switch (protocol?.toLowerCase()) {
    case undefined:
    case 'http/protobuf':
      return 'otlp-http/protobuf';
    case 'http/json':
      return 'otlp-http/json';
    case 'grpc':
      diag.warn(
        '@otelware/node: OTLP over gRPC is not included; sending http/protobuf instead ' +
          '(point the endpoint at the HTTP port, usually 4318)',
      );
      return 'otlp-http/protobuf';
    default:
      diag.warn(
        `@otelware/node: OTLP protocol "${protocol}" is not supported; using http/protobuf`,
      );
      return 'otlp-http/protobuf';
  }
}

/**
 * With no `OTEL_{TRACES|METRICS}_EXPORTER`: OTLP once an endpoint is set; else the
 * terminal waterfall for traces, and nothing for metrics (a periodic dump of
 * histograms would drown the waterfall; `OTEL_METRICS_EXPORTER=console` asks for it).
 */
function defaultKinds(env: Env, signal: Signal): ExporterKind[] {
  const endpoint =
    envValue(env, `OTEL_EXPORTER_OTLP_${SIGNAL_VARIABLE[signal]}_ENDPOINT`) ??
    envValue(env, 'OTEL_EXPORTER_OTLP_ENDPOINT');
  if (endpoint !== undefined) return [otlpKindFromEnv(env, signal)];
  return signal === 'traces' ? [CONSOLE_KIND.traces] : [];
}

/**
 * The exporters the environment asks for, in order; empty for `none`.
 * `OTEL_TRACES_EXPORTER` (`OTEL_METRICS_EXPORTER`) is a comma-separated list of
 * `otlp`, `console` and `none` (case-insensitive). Unlike the spec's default
 * (`otlp`), an unset value means OTLP only once an endpoint is configured; before
 * that, traces go to the waterfall, so a first run shows them, and metrics nowhere.
 */
export function exportersFromEnv(env: Env, signal?: 'traces'): TraceExporterKind[];
export function exportersFromEnv(env: Env, signal: 'metrics'): MetricExporterKind[];
export function exportersFromEnv(env: Env, signal: Signal = 'traces'): ExporterKind[] {
  const variable = `OTEL_${SIGNAL_VARIABLE[signal]}_EXPORTER`;
  const names = (envValue(env, variable) ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  if (names.length === 0) return defaultKinds(env, signal);
  if (names.includes('none')) {
    if (names.length > 1) diag.warn(`@otelware/node: ${variable} has "none"; exporting nothing`);
    return [];
  }
  const kinds = new Set<ExporterKind>();
  for (const name of names) {
    if (name === 'otlp') kinds.add(otlpKindFromEnv(env, signal));
    else if (name === 'console') kinds.add(CONSOLE_KIND[signal]);
    else diag.warn(`@otelware/node: ${variable} "${name}" is not supported; skipped`);
  }
  return kinds.size > 0 ? [...kinds] : defaultKinds(env, signal);
}
