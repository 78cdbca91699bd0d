import type { TracingOptions } from '@otelware/core';

/** The options `register()` reads itself; Fastify ignores them for a plugin it does not encapsulate. */
const REGISTER_OPTIONS: readonly string[] = ['prefix', 'logLevel', 'logSerializers'];

/**
 * The tracing options among what `app.register(tracing, options)` passed on:
 * Fastify's own register options are left out, as Fastify ignores them for
 * plugins marked like `fastify-plugin`'s; anything else goes to the core, which
 * rejects unknown names.
 */
export function tracingOptionsOf(options: TracingOptions): TracingOptions {
  if (typeof options !== 'object' || options === null) return options;
  if (!REGISTER_OPTIONS.some((name) => name in options)) return options;
  const rest: Record<string, unknown> = { ...options };
  for (const name of REGISTER_OPTIONS) delete rest[name];
  return rest as TracingOptions;
}
