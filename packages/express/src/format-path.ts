import type { RoutePath } from './express-internals';

/**
 * A registered path as a low-cardinality template: strings as written, a RegExp
 * as its source literal (`/^\/files\/.*$/`), an array as `[a,b]` of its elements,
 * the form the official Express instrumentation uses, so dashboards carry over.
 */
export function formatPath(path: RoutePath): string {
  if (typeof path === 'string') return path;
  if (path instanceof RegExp) return path.toString();
  return `[${path.map(formatPath).join(',')}]`;
}

/** A mount prefix without its trailing slash; `/` itself becomes the empty prefix. */
export function trimTrailingSlash(prefix: string): string {
  return prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
}

/** A mount path as a prefix template: a string without its trailing slash, anything else as formatPath. */
export function formatMount(path: RoutePath): string {
  return typeof path === 'string' ? trimTrailingSlash(path) : formatPath(path);
}
