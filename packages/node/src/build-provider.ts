import {
  BatchSpanProcessor,
  NodeTracerProvider,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-node';
import type { Resource } from '@opentelemetry/resources';
import { createExporters } from './create-exporters';
import { createResource } from './create-resource';
import { samplerFromEnv } from './sampler-from-env';
import type { Env, NodeTracingOptions } from './types';

/** A tracer provider and the exporters behind its batch processors (to flush them too). */
export interface BuiltProvider {
  readonly provider: NodeTracerProvider;
  readonly exporters: readonly SpanExporter[];
  /** The service's resource, for the meter provider too. */
  readonly resource: Resource;
}

/**
 * Builds, without registering anything, the provider the options and environment
 * describe: resource, sampler, one `BatchSpanProcessor` per exporter, then the extra
 * span processors. (`OTEL_SDK_DISABLED` and option checks are the callers'.)
 */
export function buildProvider(options: NodeTracingOptions, env: Env): BuiltProvider {
  const exporters = createExporters(options, env);
  const resource = createResource(options, env);
  const provider = new NodeTracerProvider({
    resource,
    sampler: options.sampler ?? samplerFromEnv(env),
    spanProcessors: [
      ...exporters.map((exporter) => new BatchSpanProcessor(exporter)),
      ...(options.spanProcessors ?? []),
    ],
  });
  return { provider, exporters, resource };
}
