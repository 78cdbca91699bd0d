import { OTHER_METHOD } from './known-methods';
import { callSafely } from './report-error';
import type { HttpRequest, TracingOptions } from './types';

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
