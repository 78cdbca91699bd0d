import type { HeaderReader } from '@otelware/core/adapter';
import type { RequestLike } from './types';

/** What a fetch call is about to do, read from its arguments without consuming them. */
export interface CallDescription {
  /** The method as fetch sends it. */
  readonly method: string;
  readonly url: URL;
  /** The headers fetch sends: `init.headers` when given, else the `Request`'s. */
  readonly headers: unknown;
  /** The caller's `AbortSignal`, to tell their abort from a failure. */
  readonly signal: AbortSignal | null | undefined;
}

interface InitLike {
  readonly method?: unknown;
  readonly headers?: unknown;
  readonly signal?: AbortSignal | null;
}

/** Fetch upper-cases these methods whatever their case; any other goes out as given. */
const NORMALIZED_METHODS = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);

function methodAsSent(method: string): string {
  const upper = method.toUpperCase();
  return NORMALIZED_METHODS.has(upper) ? upper : method;
}

/** A `Request` of any fetch implementation (Node's, undici's): checked by shape, not class. */
export function isRequestLike(input: unknown): input is RequestLike {
  return (
    typeof input === 'object' &&
    input !== null &&
    !(input instanceof URL) &&
    typeof (input as RequestLike).url === 'string' &&
    typeof (input as RequestLike).method === 'string' &&
    typeof (input as RequestLike).headers === 'object'
  );
}

/**
 * Reads method, URL, headers and signal from fetch's arguments, by the Fetch
 * standard's rules (init overrides the Request). `undefined` when the URL does
 * not parse: then fetch itself rejects the call, untraced.
 */
export function describeCall(input: unknown, init: unknown): CallDescription | undefined {
  const request = isRequestLike(input) ? input : undefined;
  let url: URL;
  try {
    url = new URL(request !== undefined ? request.url : String(input));
  } catch {
    return undefined;
  }
  const options = (typeof init === 'object' && init !== null ? init : {}) as InitLike;
  const method =
    options.method !== undefined
      ? methodAsSent(String(options.method))
      : (request?.method ?? 'GET');
  return {
    method,
    url,
    headers: options.headers !== undefined ? options.headers : request?.headers,
    signal: options.signal !== undefined ? options.signal : request?.signal,
  };
}

/** Reads the caller's request headers, for `captureHeaders.request`. */
export function readerOf(callerHeaders: unknown): HeaderReader | undefined {
  try {
    const headers = new Headers(callerHeaders as ConstructorParameters<typeof Headers>[0]);
    return (header) => headers.get(header);
  } catch {
    return undefined; // headers fetch itself will reject
  }
}
