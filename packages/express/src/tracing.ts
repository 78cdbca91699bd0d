import { context } from '@opentelemetry/api';
import { reportError, ServerTracer, type TracingOptions } from '@otelware/core';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { name, version } from '../package.json';
import type { ExpressApp } from './express-internals';
import { keepRoutingSettings } from './keep-routing-settings';
import { recordErrorsOf } from './record-errors';
import { traceOfRequest } from './request-slot';
import { resolveRouteTemplate } from './route-template';
import { sharedRequestPrototype } from './shared-request-prototype';

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
  const tracer = new ServerTracer(
    options,
    { name, version },
    { resolveRoute: resolveRouteTemplate },
  );

  return keepRoutingSettings(otelwareTracing);

  function otelwareTracing(req: Request, res: Response, next: NextFunction): void {
    const requestTrace = tracer.startRequest(req, res);
    if (requestTrace === undefined) return next();
    if (requestTrace.recordsOutcome) {
      requestTrace.keepUntilEnd(traceOfRequest, req, requestTrace);
      requestTrace.endOnClose(res);
      try {
        recordErrorsOf(req.app as unknown as ExpressApp);
      } catch (error) {
        reportError('watching the app for errors', error);
      }
    }
    requestTrace.bindRequestEvents(req, sharedRequestPrototype);
    context.with(requestTrace.context, next);
  }
}
