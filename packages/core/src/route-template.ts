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
