/** The Fastify plugin takes exactly the core's options. */
export type { TracingOptions, HttpRequest, HttpResponse, CaptureHeaders } from '@otelware/core';

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
