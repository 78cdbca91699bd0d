import type { Resource } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  BatchSpanProcessor,
  TracerProvider,
  type SpanExporter,
} from '@opentelemetry/sdk-trace';
import { checkOptions } from './check-options';
import { createExporters } from './create-exporters';
import { createResource } from './create-resource';
import { samplerFromEnv } from './sampler-from-env';
import { batchOptionsFromEnv, isSdkDisabled, spanLimitsFromEnv } from './sdk-settings-from-env';
import type { Env, NodeTracingOptions } from './types';

/** A tracer provider and the exporters behind its batch processors (to flush them too). */
export interface BuiltProvider {
  readonly provider: TracerProvider;
  readonly exporters: readonly SpanExporter[];
  /** The service's resource, for the meter provider too. */
  readonly resource: Resource;
}

/**
 * Builds, without registering anything, the provider the options and environment
 * describe: resource, sampler, span limits, one `BatchSpanProcessor` per exporter
 * (`OTEL_BSP_*`), then the extra span processors. (`OTEL_SDK_DISABLED` and option
 * checks are the callers'.)
 */
export function buildProvider(options: NodeTracingOptions, env: Env): BuiltProvider {
  const exporters = createExporters(options, env);
  const resource = createResource(options, env);
  const batchOptions = batchOptionsFromEnv(env);
  const provider = new TracerProvider({
    resource,
    sampler: options.sampler ?? samplerFromEnv(env),
    spanLimits: spanLimitsFromEnv(env),
    spanProcessors: [
      ...exporters.map((exporter) => new BatchSpanProcessor({ ...batchOptions, exporter })),
      ...(options.spanProcessors ?? []),
    ],
  });
  return { provider, exporters, resource };
}

/**
 * A tracer provider configured like `start()`'s (same options and environment) but
 * registered nowhere and with no signal hooks: for several services in one process,
 * each passing its own provider to otelware's `tracerProvider` option. Flush and shut
 * it down yourself. With `OTEL_SDK_DISABLED=true` it records nothing.
 *
 * @example
 * const provider = createTracerProvider({ serviceName: 'orders' });
 * app.use(tracing({ tracerProvider: provider }));
 */
export function createTracerProvider(options: NodeTracingOptions = {}): TracerProvider {
  checkOptions(options);
  const env = options.env ?? process.env;
  if (isSdkDisabled(env)) return new TracerProvider({ sampler: new AlwaysOffSampler() });
  return buildProvider(options, env).provider;
}
