import { traceOfRequest } from './request-slot';

/**
 * Records `error` on the SERVER span of Fastify's `request`, for errors that never
 * reach Fastify's `onError` hook: a framework that answers them itself (NestJS's
 * exception layer) or the app's own `try`/`catch`. The exception is recorded only
 * if the response is a 5xx or never comes. Does nothing for a request the plugin
 * does not trace; never throws.
 *
 * @example
 * app.get('/report', async (request, reply) => {
 *   try {
 *     return await buildReport();
 *   } catch (error) {
 *     recordError(request, error);
 *     return reply.code(503).send({ retry: true });
 *   }
 * });
 */
export function recordError(request: unknown, error: unknown): void {
  traceOfRequest.get(request)?.recordError(error);
}
