import { OTHER_METHOD } from './known-methods';

/**
 * `{method} {route}` per the HTTP span conventions: `{method}` alone when no route
 * template is known, and `HTTP` in place of a method outside the known set.
 */
export function spanNameFor(normalizedMethod: string, route: string | undefined): string {
  const method = normalizedMethod === OTHER_METHOD ? 'HTTP' : normalizedMethod;
  return route === undefined || route === '' ? method : `${method} ${route}`;
}
