import { formatPath } from '@otelware/core/adapter';
/** A routing layer of `@koa/router`, typed structurally: only what is read here. */
interface RouterLayer {
  /** The full registered path, every prefix and `use()` mount included: `/api/v1/users/:id`. */
  readonly path?: string | RegExp;
  /** The methods a route serves (`HEAD` is added for `GET`); empty for `router.use()` middleware. */
  readonly methods?: readonly string[];
  /** Whether the layer matches a request path. */
  match?(path: string): boolean;
  /**
   * The route's handlers: `router.get([a, b], ...handlers)` registers one layer per
   * path with the same handlers (one shared array; a copy each under a `use()` mount).
   */
  readonly stack?: readonly unknown[];
}

/** What `@koa/router` leaves on `ctx` while routing. */
export interface RoutedContext {
  readonly method?: string;
  readonly path?: string;
  /** Every layer whose path matched, whatever its method, across every router that ran. */
  readonly matched?: readonly RouterLayer[];
  /** The path of the layer that ran last: a route's, or a `router.use()` middleware's. */
  readonly _matchedRoute?: string | RegExp;
}

function servesRequest(layer: RouterLayer, method: string, path: string): boolean {
  return (
    layer.path !== undefined &&
    Array.isArray(layer.methods) &&
    layer.methods.includes(method) &&
    // a path rewritten for a sub-app (koa-mount) gives a template without its mount prefix
    typeof layer.match === 'function' &&
    layer.match(path)
  );
}

/**
 * The full route template of the request, read from what `@koa/router` left on
 * `ctx` when the response ends. The router records the path of the layer that
 * ran last (`ctx._matchedRoute`), which already holds every prefix and nested
 * `use()` mount, but a `router.use()` middleware running after the route, or
 * answering before it, overwrites it with its own path. So the template is that
 * path only if it belongs to a route serving this method and path; otherwise the
 * last such route the routers matched (the route the router chose), or, when that
 * route was declared with an array of paths, the first of its paths that matches.
 * An array of paths needs nothing more: `@koa/router` registers one layer per
 * path, so the path that ran is one element, never the array.
 * `undefined` when no route matched: a 404, or a 405 from `allowedMethods()`.
 */
export function routeTemplateOf(ctx: RoutedContext): string | undefined {
  const { matched, _matchedRoute: last, method, path } = ctx;
  if (last === undefined || !Array.isArray(matched) || method === undefined || path === undefined) {
    return undefined;
  }
  let chosen: RouterLayer | undefined;
  for (const layer of matched) {
    if (!servesRequest(layer, method, path)) continue;
    chosen = layer;
    if (layer.path === last) return formatPath(layer.path as string | RegExp);
  }
  if (chosen?.path === undefined) return undefined;
  // not the route that ran: of a route declared with an array of paths, the first
  // path that matches, the one whose layer the router runs first
  const first = matched.find(
    (layer) => sameHandlers(layer.stack, chosen.stack) && servesRequest(layer, method, path),
  );
  return formatPath((first ?? chosen).path as string | RegExp);
}

function sameHandlers(
  one: readonly unknown[] | undefined,
  other: readonly unknown[] | undefined,
): boolean {
  if (one === other) return one !== undefined;
  if (one === undefined || other === undefined || one.length !== other.length) return false;
  return one.every((handler, index) => handler === other[index]);
}
