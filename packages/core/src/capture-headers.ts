import type { Attributes, Span } from '@opentelemetry/api';
import { capLength } from './attributes';
import type { HttpRequest, HttpResponse } from './types';

/** Header names paired with their precomputed attribute keys. */
export type HeaderCapture = ReadonlyArray<readonly [header: string, attribute: string]>;

/** Reads one header by its lower-case name, as `Headers#get` or `res.getHeader` do. */
export type HeaderReader = (name: string) => number | string | readonly string[] | null | undefined;

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
  value: number | string | readonly string[] | null | undefined,
): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  return Array.isArray(value)
    ? (value as readonly string[]).map((entry) => capLength(String(entry)))
    : [capLength(String(value))];
}

/** Adds the allowed headers that `read` finds to `attributes`, as `string[]` values. */
export function captureHeaders(
  attributes: Attributes,
  read: HeaderReader,
  capture: HeaderCapture,
): void {
  for (const [header, attribute] of capture) {
    const value = asStringArray(read(header));
    if (value !== undefined) attributes[attribute] = value;
  }
}

/** Adds the allowed headers of an incoming request to `attributes`. */
export function captureRequestHeaders(
  attributes: Attributes,
  request: HttpRequest,
  capture: HeaderCapture,
): void {
  if (capture.length === 0) return;
  captureHeaders(attributes, (name) => request.headers[name], capture);
}

/** Sets the allowed headers of a server response on `span`. */
export function captureResponseHeaders(
  span: Span,
  response: HttpResponse,
  capture: HeaderCapture,
): void {
  if (capture.length === 0 || typeof response.getHeader !== 'function') return;
  const attributes: Attributes = {};
  captureHeaders(attributes, (name) => response.getHeader?.(name), capture);
  span.setAttributes(attributes);
}
