import { context } from '@opentelemetry/api';
import { ServerTracer, type TracingOptions } from '@otelware/core';
import type {
  FastifyInstance,
  FastifyPluginCallback,
  FastifyReply,
  FastifyRequest,
  HookHandlerDoneFunction,
} from 'fastify';
import { name, version } from '../package.json';
import { tracingOptionsOf } from './plugin-options';
import { replyResponse } from './reply-response';
import { traceOfRequest } from './request-slot';
import { routeOf } from './route-of';

/**
 * Adds the tracing hooks to the instance the plugin is registered on. The
 * `skip-override` marker below keeps Fastify from encapsulating the plugin, so
 * that instance is the app itself and every route, prefix and not-found handler
 * runs the hooks.
 */
function otelwareFastify(
  fastify: FastifyInstance,
  options: TracingOptions,
  done: (error?: Error) => void,
): void {
  let tracer: ServerTracer;
  try {
    tracer = new ServerTracer(tracingOptionsOf(options), { name, version });
  } catch (error) {
    return done(error as Error);
  }

  // Routing is done when onRequest runs: the route template and its config are known.
  function otelwareOnRequest(
    request: FastifyRequest,
    reply: FastifyReply,
    next: HookHandlerDoneFunction,
  ): void {
    if (!tracer.enabled) return next(); // no SDK: not even the route is read
    const route = routeOf(request);
    if (route.config?.otelware === false) return next();
    const requestTrace = tracer.startRequest(request.raw, reply.raw);
    if (requestTrace === undefined) return next();
    if (requestTrace.recordsOutcome) {
      requestTrace.setRoute(route.url);
      requestTrace.keepUntilEnd(traceOfRequest, request, requestTrace);
      requestTrace.endOnClose(reply.raw); // also after reply.hijack() and client aborts
    }
    requestTrace.bindRequestEvents(request.raw);
    // the rest of the lifecycle (body parsing, hooks, handler) runs with the span active
    context.with(requestTrace.context, next);
  }

  function otelwareOnError(
    request: FastifyRequest,
    _reply: FastifyReply,
    error: Error,
    next: HookHandlerDoneFunction,
  ): void {
    traceOfRequest.get(request)?.recordError(error);
    next();
  }

  // Fastify runs onResponse once the response finished: the span ends there, read
  // through the reply (whose headers raw.getHeader() does not see). endOnClose ends
  // what never finishes (client aborts) and hijacked replies; it would also take
  // an inject() response for an abort, as light-my-request's socket never drains.
  function otelwareOnResponse(
    request: FastifyRequest,
    reply: FastifyReply,
    next: HookHandlerDoneFunction,
  ): void {
    traceOfRequest.get(request)?.end(replyResponse(reply));
    next();
  }

  // Fastify runs onClose once the server has closed and every connection with it,
  // so a request over a socket has ended its span by then (answered, or aborted by
  // its connection's close). What is left has no connection to close: inject()ed
  // requests the app never answered (a hijacked reply left open, a handler that
  // never settles). The app is gone, so they end as aborted.
  function otelwareOnClose(_instance: FastifyInstance, next: HookHandlerDoneFunction): void {
    tracer.endOpenRequests();
    next();
  }

  fastify.addHook('onRequest', otelwareOnRequest);
  fastify.addHook('onError', otelwareOnError);
  fastify.addHook('onResponse', otelwareOnResponse);
  fastify.addHook('onClose', otelwareOnClose);
  done();
}

Object.assign(otelwareFastify, {
  [Symbol.for('skip-override')]: true,
  [Symbol.for('fastify.display-name')]: name,
  [Symbol.for('plugin-meta')]: { name, fastify: '4.x || 5.x' },
});

/**
 * Traces every request of a Fastify 4 or 5 app: one SERVER span per request,
 * named by the route template, active in every later hook and in the handler.
 * Register it first, on the root instance: it is not encapsulated (as with
 * `fastify-plugin`), so it covers the whole app, prefixed plugins included.
 * A route opts out with `config: { otelware: false }`.
 *
 * @example
 * import Fastify from 'fastify';
 * import { tracing } from '@otelware/fastify';
 *
 * const app = Fastify();
 * await app.register(tracing, { captureHeaders: { request: ['x-request-id'] } });
 * app.get('/health', { config: { otelware: false } }, async () => 'ok'); // not traced
 * app.get('/users/:id', async () => ({ name: 'Ada' })); // span "GET /users/:id"
 */
export const tracing: FastifyPluginCallback<TracingOptions> = otelwareFastify;
