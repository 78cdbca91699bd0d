import { OTLPTraceExporter as OtlpJsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OtlpProtobufExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import type { SpanExporter } from '@opentelemetry/sdk-trace';
import { exportersFromEnv, type TraceExporterKind } from './exporters-from-env';
import { reportFailure } from './report-failure';
import type { Env, NodeTracingOptions } from './types';
import { WaterfallSpanExporter } from './waterfall/waterfall-span-exporter';

function createExporter(kind: TraceExporterKind): SpanExporter {
  switch (kind) {
    case 'otlp-http/protobuf':
      return new OtlpProtobufExporter(); // endpoint, headers, timeout: from the environment
    case 'otlp-http/json':
      return new OtlpJsonExporter();
    case 'waterfall':
      return new WaterfallSpanExporter();
  }
}

/**
 * The exporters spans go to: the one given in the options, else those the
 * environment chooses. One that fails to build (e.g. a malformed endpoint) is
 * reported and left out, so a bad setting never stops the app.
 */
export function createExporters(options: NodeTracingOptions, env: Env): SpanExporter[] {
  if (options.exporter !== undefined) return [options.exporter];
  return exportersFromEnv(env).flatMap((kind) => {
    try {
      return [createExporter(kind)];
    } catch (error) {
      reportFailure(`could not create the ${kind} exporter; spans are not sent there`, error);
      return [];
    }
  });
}
