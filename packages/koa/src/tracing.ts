import { context } from '@opentelemetry/api';
import { ServerTracer, type TracingOptions } from '@otelware/core';
import type { Middleware } from 'koa';
import { name, version } from '../package.json';
import { contextOfRequest } from './request-slot';
import { resolveRouteTemplate } from './route-template';

/**
 * Traces every request of a Koa 2 or 3 app: one SERVER span per request, named
 * by the `@koa/router` route template, active in every later middleware and
 * handler. Mount it first.
 *
 * @example
 * import Koa from 'koa';
 * import Router from '@koa/router';
 * import { tracing } from '@otelware/koa';
 *
 * const app = new Koa();
 * app.use(tracing());
 * const router = new Router({ prefix: '/api' });
 * router.get('/users/:id', (ctx) => {
 *   ctx.body = { id: ctx.params.id };
 * });
 * app.use(router.routes()).use(router.allowedMethods());
 */
export function tracing(options?: TracingOptions): Middleware {
  const tracer = new ServerTracer(
    options,
    { name, version },
    { resolveRoute: resolveRouteTemplate },
  );

  return function otelwareTracing(ctx, next): Promise<unknown> {
    const requestTrace = tracer.startRequest(ctx.req, ctx.res);
    if (requestTrace === undefined) return next();
    requestTrace.bindRequestEvents(ctx.req);
    // not recorded: nothing to learn from how the request ends, so no promise of ours
    // (each costs AsyncLocalStorage's hook) is chained onto the rest of the app
    if (!requestTrace.recordsOutcome) return context.with(requestTrace.context, next);
    requestTrace.keepUntilEnd(contextOfRequest, ctx.req, ctx);
    requestTrace.endOnClose(ctx.res);
    return context.with(requestTrace.context, next).then(undefined, (error: unknown) => {
      // Koa answers it (status from error.status, else 500) and emits it on the app
      requestTrace.recordError(error);
      throw error;
    });
  };
}
