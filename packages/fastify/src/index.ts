import { tracing as otelwareFastify } from './tracing';
import type { TracingPlugin } from './types';

/**
 * Traces every request of a Fastify 4 or 5 app: one SERVER span per request,
 * named by the route template, active in every later hook and in the handler.
 * Register it first, on the root instance: it is not encapsulated (as with
 * `fastify-plugin`), so it covers the whole app, prefixed plugins included.
 * A route opts out with `config: { otelware: false }`. Typed as a
 * {@link TracingPlugin}, so any copy of fastify 4 or 5 accepts it.
 *
 * @example
 * import Fastify from 'fastify';
 * import { tracing } from '@otelware/fastify';
 *
 * const app = Fastify();
 * await app.register(tracing, { captureHeaders: { request: ['x-request-id'] } });
 * app.get('/users/:id', async () => ({ name: 'Ada' })); // span "GET /users/:id"
 */
export const tracing = otelwareFastify as unknown as TracingPlugin;
export { recordError } from './record-error';
export type {
  TracingOptions,
  TracingPlugin,
  HttpRequest,
  HttpResponse,
  CaptureHeaders,
} from './types';
