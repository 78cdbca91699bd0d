import { diag } from '@opentelemetry/api';
import { envValue } from './env-value';
import type { Env } from './types';

/** An exporter the environment can choose. */
export type ExporterKind = 'otlp-http/protobuf' | 'otlp-http/json' | 'console';

/**
 * `OTEL_EXPORTER_OTLP_TRACES_PROTOCOL`, else `OTEL_EXPORTER_OTLP_PROTOCOL`, else
 * `http/protobuf` (the spec's default). gRPC is not bundled: it warns and sends
 * http/protobuf, which needs the collector's HTTP port (4318), not 4317.
 */
function otlpKindFromEnv(env: Env): ExporterKind {
  const protocol =
    envValue(env, 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL') ??
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

/** With no `OTEL_TRACES_EXPORTER`: OTLP once an endpoint is set, else the terminal waterfall. */
function defaultKind(env: Env): ExporterKind {
  const endpoint =
    envValue(env, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT') ??
    envValue(env, 'OTEL_EXPORTER_OTLP_ENDPOINT');
  return endpoint === undefined ? 'console' : otlpKindFromEnv(env);
}

/**
 * The exporters the environment asks for, in order; empty for `none`.
 * `OTEL_TRACES_EXPORTER` is a comma-separated list of `otlp`, `console` and `none`
 * (case-insensitive). Unlike the spec's default (`otlp`), an unset value means the
 * waterfall until an OTLP endpoint is configured, so a first run shows its traces.
 */
export function exportersFromEnv(env: Env): ExporterKind[] {
  const names = (envValue(env, 'OTEL_TRACES_EXPORTER') ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  if (names.length === 0) return [defaultKind(env)];
  if (names.includes('none')) {
    if (names.length > 1)
      diag.warn('@otelware/node: OTEL_TRACES_EXPORTER has "none"; exporting nothing');
    return [];
  }
  const kinds = new Set<ExporterKind>();
  for (const name of names) {
    if (name === 'otlp') kinds.add(otlpKindFromEnv(env));
    else if (name === 'console') kinds.add('console');
    else diag.warn(`@otelware/node: OTEL_TRACES_EXPORTER "${name}" is not supported; skipped`);
  }
  return kinds.size > 0 ? [...kinds] : [defaultKind(env)];
}
