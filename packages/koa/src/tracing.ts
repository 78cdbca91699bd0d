import { context } from '@opentelemetry/api';
import type { TracingOptions } from '@otelware/core';
import { ServerTracer } from '@otelware/core/adapter';
import type { Middleware } from 'koa';
import { name, version } from '../package.json';
import { routeTemplateOf, type RoutedContext } from './route-template';

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
  const tracer = new ServerTracer<RoutedContext>(options, {
    name,
    version,
    resolveRoute: routeTemplateOf,
  });

  return function otelwareTracing(ctx, next): Promise<unknown> {
    const requestTrace = tracer.startRequest(ctx.req, ctx.res, ctx as RoutedContext);
    if (requestTrace === undefined) return next();
    // not recorded: nothing to learn from how the request ends, so no promise of ours
    // (each costs AsyncLocalStorage's hook) is chained onto the rest of the app
    if (!requestTrace.recordsOutcome) return context.with(requestTrace.context, next);
    return context.with(requestTrace.context, next).then(undefined, (error: unknown) => {
      // Koa answers it (status from error.status, else 500) and emits it on the app
      requestTrace.setError(error);
      throw error;
    });
  };
}
