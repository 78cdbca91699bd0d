import { AlwaysOffSampler, TracerProvider } from '@opentelemetry/sdk-trace';
import { buildProvider } from './build-provider';
import { checkOptions } from './check-options';
import { isSdkDisabled } from './sdk-disabled';
import type { NodeTracingOptions } from './types';

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
