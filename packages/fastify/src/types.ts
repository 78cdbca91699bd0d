import type { TracingOptions } from '@otelware/core';

/**
 * The plugin's type: a plugin callback that names none of fastify's own types.
 * An app can hold two copies of fastify (the one a framework such as NestJS pins
 * and the peer installed beside `@otelware/fastify`); their `FastifyInstance`
 * types differ, so a plugin typed with one copy's `FastifyPluginCallback` is
 * rejected by the other copy's `register()` (TS2345). This type fits the
 * `register()` of every fastify 4 and 5 copy.
 */
export type TracingPlugin = (
  instance: unknown,
  options: TracingOptions,
  done: (error?: Error) => void,
) => void;

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * `false` leaves every request of this route untraced: no span, no work, as
     * with the `ignore` option. Set it in the route's `config`.
     * @default true
     * @example
     * app.get('/health', { config: { otelware: false } }, () => 'ok');
     */
    otelware?: boolean;
  }
}
