import { context } from '@opentelemetry/api';
import { callSafely, ServerTracer, traceOf } from '@otelware/core/adapter';
import type { TracingOptions } from '@otelware/core';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { name, version } from '../package.json';
import type { ExpressApp } from './express-internals';
import { keepRoutingSettings } from './keep-routing-settings';
import { resolveRouteTemplate } from './route-template';
import { sharedRequestPrototype } from './shared-request-prototype';
import { watchAppErrors } from './watch-app-errors';

/**
 * Traces every request of an Express 4 or 5 app: one SERVER span per request,
 * named by the route template, active in every later middleware and handler.
 * Mount it first.
 *
 * @example
 * import express from 'express';
 * import { tracing } from '@otelware/express';
 *
 * const app = express();
 * app.use(tracing());
 * app.get('/users/:id', (req, res) => res.json({ id: req.params.id }));
 */
export function tracing(options?: TracingOptions): RequestHandler {
  const tracer = new ServerTracer<Request>(options, {
    name,
    version,
    resolveRoute: resolveRouteTemplate,
    sharedRequestPrototype,
    keepsTraceIn: 'table', // the error handlers find it; req must gain no property
  });

  return keepRoutingSettings(function otelwareTracing(
    req: Request,
    res: Response,
    next: NextFunction,
  ): void {
    const requestTrace = tracer.startRequest(req, res);
    if (requestTrace === undefined) return next();
    if (requestTrace.recordsOutcome) {
      callSafely('watching the app for errors', watchAppErrors, req.app as unknown as ExpressApp);
    }
    context.with(requestTrace.context, next);
  });
}

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
  traceOf(req)?.setError(error);
}
