import { reportError } from '@otelware/core/adapter';
import type { FastifyRequest } from 'fastify';

/** What otelware reads of the route that answers a request. */
export interface RouteFacts {
  /** The route template with every prefix (`/api/users/:id`); `undefined` for the not-found handler. */
  readonly url: string | undefined;
  /** The route's `config` object, where a route opts out with `otelware: false`. */
  readonly config: { readonly otelware?: unknown } | undefined;
}

/** The fields older Fastify 4 releases have in place of `request.routeOptions`. */
interface LegacyRequest {
  /** From 4.10; with `config` only in later 4.x releases. */
  readonly routeOptions?: Partial<RouteFacts>;
  readonly routerPath?: string;
  readonly context?: { readonly config?: RouteFacts['config'] };
}

const UNKNOWN_ROUTE: RouteFacts = { url: undefined, config: undefined };

/** What Fastify keeps of a matched route on each request, under its own `kRouteContext` symbol. */
interface RouteContext {
  readonly config?: RouteFacts['config'] & { readonly url?: string };
}

/**
 * A `routeOf` for the requests of one Fastify app. It reads the route's config, where
 * Fastify 4 and 5 keep the route's `url` too, straight from the request's route
 * context (`request[kRouteContext]`, the symbol described `fastify.context`, found
 * on the first request), which is what the `request.routeOptions` getter reads
 * after building a dozen-field object on every call. Requests without a matched
 * route (the not-found handler) and Fastify releases without that symbol go through
 * `routeOf`.
 */
export function routeReader(): (request: FastifyRequest) => RouteFacts {
  let contextKey: symbol | undefined;
  let lookedFor = false;
  return function routeOfRequest(request: FastifyRequest): RouteFacts {
    try {
      if (!lookedFor) {
        lookedFor = true;
        contextKey = Object.getOwnPropertySymbols(request).find(
          (key) => key.description === 'fastify.context',
        );
      }
      const context =
        contextKey === undefined
          ? undefined
          : (request as unknown as Record<symbol, RouteContext | undefined>)[contextKey];
      const config = context?.config;
      if (config?.url !== undefined) return { url: config.url, config };
    } catch (error) {
      reportError('reading the route', error);
    }
    return routeOf(request);
  };
}

/**
 * The route Fastify's router matched for `request`, known from `onRequest` on:
 * `request.routeOptions` on Fastify 5 and recent 4, `routerPath` (before 4.10) and
 * `context.config` (before `routeOptions` had `config`) on older releases. The not-found handler has no
 * `url`, so its requests get no route. Never throws: a route that cannot be read
 * is an unknown route.
 */
export function routeOf(request: FastifyRequest): RouteFacts {
  try {
    const legacy = request as unknown as LegacyRequest;
    const options = legacy.routeOptions;
    if (options?.config !== undefined) return options as RouteFacts;
    return {
      url: options === undefined ? legacy.routerPath : options.url,
      config: legacy.context?.config,
    };
  } catch (error) {
    reportError('reading the route', error);
    return UNKNOWN_ROUTE;
  }
}
