import { context } from '@opentelemetry/api';
import type { HttpResponse, TracingOptions } from '@otelware/core';
import { ServerTracer, TRACE_SLOT, traceOf } from '@otelware/core/adapter';
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  HookHandlerDoneFunction,
} from 'fastify';
import { name, version } from '../package.json';
import { routeReader } from './route-of';
import type { TracingPlugin } from './types';

/** The options `register()` reads itself; Fastify ignores them for a plugin it does not encapsulate. */
const REGISTER_OPTIONS: readonly string[] = ['prefix', 'logLevel', 'logSerializers'];

/**
 * The tracing options among what `app.register(tracing, options)` passed on:
 * Fastify's own register options are left out, as Fastify ignores them for
 * plugins marked like `fastify-plugin`'s; anything else goes to the core, which
 * rejects unknown names.
 */
function tracingOptionsOf(options: TracingOptions): TracingOptions {
  if (typeof options !== 'object' || options === null) return options;
  if (!REGISTER_OPTIONS.some((name) => name in options)) return options;
  const rest: Record<string, unknown> = { ...options };
  for (const name of REGISTER_OPTIONS) delete rest[name];
  return rest as TracingOptions;
}

/**
 * The answered response, as the core reads it when the span ends. Fastify hands
 * its headers to `writeHead` in one go, so `reply.raw.getHeader()` never sees
 * them; `reply.getHeader()` does (and falls back to the raw response). A class,
 * so each request costs one small object and no closure.
 */
class ReplyResponse implements HttpResponse {
  readonly statusCode: number;
  readonly headersSent: boolean;

  constructor(private readonly reply: FastifyReply) {
    this.statusCode = reply.raw.statusCode;
    this.headersSent = reply.raw.headersSent;
  }

  getHeader(name: string): number | string | string[] | undefined {
    return this.reply.getHeader(name);
  }
}

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
  let tracer: ServerTracer<FastifyRequest>;
  try {
    // the later hooks find the trace in a request decorator: set in Fastify's request
    // constructor, so every request object has the same shape
    tracer = new ServerTracer(tracingOptionsOf(options), { name, version, keepsTraceIn: 'slot' });
    if (!fastify.hasRequestDecorator(TRACE_SLOT)) fastify.decorateRequest(TRACE_SLOT, null);
  } catch (error) {
    return done(error as Error);
  }

  // Routing is done when onRequest runs: the route template and its config are known.
  const routeOfRequest = routeReader();

  function otelwareOnRequest(
    request: FastifyRequest,
    reply: FastifyReply,
    next: HookHandlerDoneFunction,
  ): void {
    if (!tracer.enabled) return next(); // no SDK: not even the route is read
    const route = routeOfRequest(request);
    if (route.config?.otelware === false) return next();
    // the span also ends when reply.raw closes: after reply.hijack() and client aborts
    const requestTrace = tracer.startRequest(request.raw, reply.raw, request, route.url);
    if (requestTrace === undefined) return next();
    // the rest of the lifecycle (body parsing, hooks, handler) runs with the span active
    context.with(requestTrace.context, next);
  }

  function otelwareOnError(
    request: FastifyRequest,
    _reply: FastifyReply,
    error: Error,
    next: HookHandlerDoneFunction,
  ): void {
    traceOf(request)?.setError(error);
    next();
  }

  // Fastify runs onResponse once the response finished: the span ends there, read
  // through the reply (whose headers raw.getHeader() does not see). The close of
  // reply.raw ends what never finishes (client aborts) and hijacked replies; it
  // would also take an inject() response for an abort, as light-my-request's
  // socket never drains.
  function otelwareOnResponse(
    request: FastifyRequest,
    reply: FastifyReply,
    next: HookHandlerDoneFunction,
  ): void {
    traceOf(request)?.end(new ReplyResponse(reply));
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
 * A route opts out with `config: { otelware: false }`. Typed as a
 * {@link TracingPlugin}, so any copy of fastify 4 or 5 accepts it.
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
export const tracing = otelwareFastify as unknown as TracingPlugin;

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
  traceOf(request)?.setError(error);
}
