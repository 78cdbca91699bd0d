import { traceOfRequest } from './request-slot';

/**
 * Records `error` on the SERVER span of `req`, for errors that never reach an
 * Express error handler: a framework that answers them itself (NestJS's
 * exception layer) or the app's own `try`/`catch`. As with errors passed to
 * `next(err)`, the exception is recorded only if the response is a 5xx or never
 * comes. Does nothing for a request `tracing()` does not trace; never throws.
 *
 * @example
 * app.get('/report', async (req, res) => {
 *   try {
 *     res.json(await buildReport());
 *   } catch (error) {
 *     recordError(req, error);
 *     res.status(503).json({ retry: true });
 *   }
 * });
 */
export function recordError(req: unknown, error: unknown): void {
  traceOfRequest.get(req)?.recordError(error);
}
