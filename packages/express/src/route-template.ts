import type { HttpRequest } from '@otelware/core';
import { formatPath, type RoutePath } from '@otelware/core/adapter';
import {
  mountedRouter,
  routerOf,
  type ExpressApp,
  type Layer,
  type Route,
  type RoutedRequest,
} from './express-internals';
import { matchedPathElement } from './matched-path-element';
import { formatMount, matchMount } from './mount-template';

const MAX_DEPTH = 16;
const MAX_CHAINS = 8;
/** Concrete prefixes remembered per route: enough for every fixed mount, bounded for parameterised ones. */
const MAX_REMEMBERED_PREFIXES = 64;

/** What is learnt of a route in one app: where it is mounted, and its templates so far. */
interface RouteMemo {
  /** Every path of mounted routers from the app's router down to the route's router. */
  chains?: Layer[][];
  /** The layer that holds the route in its router. */
  layer?: Layer;
  /**
   * The full templates by the concrete prefix (`req.baseUrl`) they were found
   * under: one per element of an array of paths, the first for any other path.
   */
  readonly templates: Map<string, string[]>;
}

// by app first: one router can be mounted in several apps, under other paths in each
const memosByApp = new WeakMap<ExpressApp, WeakMap<Route, RouteMemo>>();

function memoOf(app: ExpressApp, route: Route): RouteMemo {
  let memos = memosByApp.get(app);
  if (memos === undefined) {
    memos = new WeakMap();
    memosByApp.set(app, memos);
  }
  let memo = memos.get(route);
  if (memo === undefined) {
    memo = { templates: new Map() };
    memos.set(route, memo);
  }
  return memo;
}

function collectChains(
  layers: readonly Layer[],
  route: Route,
  chain: Layer[],
  found: Layer[][],
  memo: RouteMemo,
): void {
  if (chain.length > MAX_DEPTH) return;
  for (const layer of layers) {
    if (found.length >= MAX_CHAINS) return;
    if (layer.route === route) {
      found.push(chain);
      memo.layer = layer;
      continue;
    }
    const child = mountedRouter(layer);
    if (child !== undefined && !chain.some((outer) => outer.handle === child)) {
      collectChains(child.stack, route, [...chain, layer], found, memo);
    }
  }
}

/** Every path of mounted routers from the app's router down to the router holding `route`. */
function chainsTo(app: ExpressApp, route: Route, memo: RouteMemo): Layer[][] {
  if (memo.chains !== undefined) return memo.chains;
  const router = routerOf(app);
  const found: Layer[][] = [];
  if (router !== undefined) collectChains(router.stack, route, [], found, memo);
  if (found.length > 0) memo.chains = found;
  return found;
}

/** The mount templates of a sub-app and the apps above it (`app.use('/admin', admin)`). */
function appPrefix(app: ExpressApp): string {
  let prefix = '';
  for (let current = app, depth = 0; current.parent !== undefined && depth < MAX_DEPTH; depth++) {
    if (current.mountpath !== undefined) prefix = formatMount(current.mountpath) + prefix;
    current = current.parent;
  }
  return prefix;
}

/** The template of the mounts matched, and the path left for the route's router. */
interface ChainMatch {
  readonly template: string;
  readonly rest: string;
}

/**
 * The template of a chain of mounts matched from the start of `path`: exactly
 * all of it (`req.baseUrl`), or just a prefix of it (the request path).
 */
function matchChain(chain: readonly Layer[], path: string, exact: boolean): ChainMatch | undefined {
  let rest = path;
  let template = '';
  for (const layer of chain) {
    const match = matchMount(layer, rest);
    if (match === undefined) return undefined;
    template += match.template;
    rest = rest.slice(match.consumed);
  }
  return !exact || rest === '' || rest === '/' ? { template, rest } : undefined;
}

/** Where the sub-app mounts end in `baseUrl`: first the guess by segment count, then every `/`. */
function appPrefixEnds(baseUrl: string, prefix: string): number[] {
  if (prefix === '') return [0];
  const ends: number[] = [];
  for (let i = 1; i <= baseUrl.length; i++) {
    if (i === baseUrl.length || baseUrl.charAt(i) === '/') ends.push(i);
  }
  const segments = prefix.split('/').length - 1;
  const guess = ends[segments - 1];
  return guess === undefined ? ends : [guess, ...ends.filter((end) => end !== guess)];
}

function joinTemplate(prefix: string, route: string): string {
  if (prefix === '') return route;
  return route.startsWith('/') ? prefix + route : `${prefix}/${route}`;
}

/**
 * The element of an array of paths that matches `rest`, the request path relative
 * to the route's router, and its template; its index picks the remembered template.
 */
function arrayElement(
  app: ExpressApp,
  route: Route,
  memo: RouteMemo,
  path: readonly RoutePath[],
  rest: string | undefined,
): { index: number; template: string } {
  if (memo.layer === undefined) chainsTo(app, route, memo);
  const { index, element } = matchedPathElement(memo.layer, path, rest);
  return { index, template: formatPath(element) };
}

function remember(memo: RouteMemo, baseUrl: string, index: number, template: string): void {
  const remembered = memo.templates.get(baseUrl);
  if (remembered !== undefined) remembered[index] = template;
  else if (memo.templates.size < MAX_REMEMBERED_PREFIXES) {
    const templates: string[] = [];
    templates[index] = template;
    memo.templates.set(baseUrl, templates);
  }
}

/**
 * The full route template of the request Express answered, read when the response
 * ends: the matched route's path (`req.route`) behind the templates of every
 * router and sub-app it is mounted under. Express keeps only the concrete prefix
 * (`req.baseUrl`, e.g. `/orgs/42`), so the mounts are found by walking the app's
 * router tree to that route and matching each mount against that prefix (or,
 * once Express has reset it, against the request path). A route registered with
 * an array of paths is named by the element that matches the rest of the path.
 * `undefined` when no route answered (404, or a plain middleware answered).
 */
export function resolveRouteTemplate(request: HttpRequest): string | undefined {
  const { route, app, baseUrl = '', originalUrl } = request as HttpRequest & RoutedRequest;
  if (route === undefined || route.path === undefined || app === undefined) return undefined;
  const memo = memoOf(app, route);
  const paths = Array.isArray(route.path) ? (route.path as readonly RoutePath[]) : undefined;
  // the request path is needed only to tell the elements of an array apart, or below
  const path = paths !== undefined && originalUrl !== undefined ? pathOf(originalUrl) : undefined;
  const element =
    paths === undefined
      ? undefined
      : arrayElement(
          app,
          route,
          memo,
          paths,
          path?.startsWith(baseUrl) ? path.slice(baseUrl.length) : undefined,
        );
  const index = element?.index ?? 0;
  // the same route under the same concrete prefix has the same template: match it once
  const remembered = memo.templates.get(baseUrl)?.[index];
  if (remembered !== undefined) return remembered;
  const own = element?.template ?? formatPath(route.path);
  const prefix = appPrefix(app);
  const chains = chainsTo(app, route, memo);
  const mounts = matchChains(chains, baseUrl, prefix, true);
  if (mounts !== undefined) {
    const template = joinTemplate(prefix + mounts.template, own);
    remember(memo, baseUrl, index, template);
    return template;
  }
  // an error handled outside the route's router: Express has reset req.baseUrl by then
  const fullPath = path ?? (originalUrl === undefined ? undefined : pathOf(originalUrl));
  const fromPath =
    fullPath === undefined ? undefined : matchChains(chains, fullPath, prefix, false);
  if (fromPath === undefined) return undefined;
  const template =
    paths === undefined ? own : arrayElement(app, route, memo, paths, fromPath.rest).template;
  return joinTemplate(prefix + fromPath.template, template);
}

function matchChains(
  chains: readonly Layer[][],
  path: string,
  prefix: string,
  exact: boolean,
): ChainMatch | undefined {
  for (const end of appPrefixEnds(path, prefix)) {
    for (const chain of chains) {
      const mounts = matchChain(chain, path.slice(end), exact);
      if (mounts !== undefined) return mounts;
    }
  }
  return undefined;
}

function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}
