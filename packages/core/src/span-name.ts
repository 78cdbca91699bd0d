import { OTHER_METHOD } from './known-methods';
import { callSafely } from './report-error';
import type { HttpRequest, TracingOptions } from './types';

/** A path as an app registers a route or mount: a string, a RegExp, or an array of paths. */
export type RoutePath = string | RegExp | readonly RoutePath[];

/**
 * A registered path as the `http.route` template: a string as written, a RegExp
 * as its source literal (`/^\/files\/.*$/`), an array as `[a,b]` of its elements,
 * the form the official Express instrumentation uses, so dashboards carry over.
 * Never the request's own path: the template keeps `http.route` and the span name
 * low-cardinality (semantic conventions, HTTP server spans).
 */
export function formatPath(path: RoutePath): string {
  if (typeof path === 'string') return path;
  if (path instanceof RegExp) return path.toString();
  return `[${path.map(formatPath).join(',')}]`;
}

/**
 * `{method} {route}` per the HTTP span conventions: `{method}` alone when no route
 * template is known, and `HTTP` in place of a method outside the known set. Client
 * spans and a server span's start take this name.
 */
export function spanNameFor(normalizedMethod: string, route: string | undefined): string {
  const method = normalizedMethod === OTHER_METHOD ? 'HTTP' : normalizedMethod;
  return route === undefined || route === '' ? method : `${method} ${route}`;
}

/**
 * The name a server span ends with: what the `spanName` option returns for the
 * request and its route template, else `{method} {route}`. A hook that throws or
 * returns no non-empty string gets the default.
 */
export function serverSpanName(
  normalizedMethod: string,
  route: string | undefined,
  request: HttpRequest,
  spanName: TracingOptions['spanName'],
): string {
  const custom = spanName && callSafely('the spanName option', spanName, request, route);
  return typeof custom === 'string' && custom !== ''
    ? custom
    : spanNameFor(normalizedMethod, route);
}
