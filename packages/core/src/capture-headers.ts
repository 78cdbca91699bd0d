import type { Attributes, Span } from '@opentelemetry/api';
import type { HttpRequest, HttpResponse } from './types';

/** Header names paired with their precomputed attribute keys. */
export type HeaderCapture = ReadonlyArray<readonly [header: string, attribute: string]>;

/**
 * Turns a user's allow-list into `[header, 'http.<kind>.header.<header>']` pairs,
 * once at startup, so no attribute key is built per request.
 */
export function headerCapture(
  names: readonly string[] | undefined,
  kind: 'request' | 'response',
): HeaderCapture {
  if (names === undefined) return [];
  const unique = new Set(names.map((name) => name.trim().toLowerCase()).filter(Boolean));
  return [...unique].map((name) => [name, `http.${kind}.header.${name}`] as const);
}

function asStringArray(
  value: number | string | readonly string[] | undefined,
): string[] | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? [...(value as readonly string[])] : [String(value)];
}

/** Adds the allowed request headers to `attributes` as `string[]` values. */
export function captureRequestHeaders(
  attributes: Attributes,
  request: HttpRequest,
  capture: HeaderCapture,
): void {
  for (const [header, attribute] of capture) {
    const value = asStringArray(request.headers[header]);
    if (value !== undefined) attributes[attribute] = value;
  }
}

/** Sets the allowed response headers on `span` as `string[]` values. */
export function captureResponseHeaders(
  span: Span,
  response: HttpResponse,
  capture: HeaderCapture,
): void {
  if (typeof response.getHeader !== 'function') return;
  for (const [header, attribute] of capture) {
    const value = asStringArray(response.getHeader(header));
    if (value !== undefined) span.setAttribute(attribute, value);
  }
}
