import { context } from '@opentelemetry/api';
import { callSafely, ClientTracer, reportError, type ClientCall } from '@otelware/core/adapter';
import { name, version } from '../package.json';
import { describeCall, readerOf, type CallDescription } from './describe-call';
import { headersWithContext } from './outgoing-headers';
import { resolveFetchOptions, type ResolvedFetchOptions } from './resolve-options';
import { settleFailure, settleResponse } from './settle-call';
import type { FetchTracingOptions } from './types';

type AnyFetch = (input: unknown, init?: unknown) => Promise<unknown>;

/** Marks a traced fetch with the function it wraps, so it is never wrapped twice. */
const ORIGINAL = Symbol.for('otelware.fetch.original');

/** The untraced function behind `fetch`: itself unless it is one of ours. */
function originalOf<F extends object>(fetch: F): F {
  return ((fetch as Record<symbol, F | undefined>)[ORIGINAL] ?? fetch) as F;
}

interface Prepared {
  readonly call: ClientCall;
  readonly init: unknown;
  readonly signal: CallDescription['signal'];
}

/** Starts the span and builds the arguments that carry its context; never throws. */
function prepare(
  tracer: ClientTracer,
  options: ResolvedFetchOptions,
  input: unknown,
  init: unknown,
): Prepared | undefined {
  const described = describeCall(input, init);
  if (described === undefined) return undefined;
  const { method, url } = described;
  if (options.ignore && callSafely('the ignore option', options.ignore, url, init) === true) {
    return undefined;
  }
  const readHeader = tracer.capturesRequestHeaders ? readerOf(described.headers) : undefined;
  const call = tracer.startCall(method, url, readHeader);
  if (call === undefined) return undefined;
  try {
    const headers = options.propagateTo(url)
      ? headersWithContext(described.headers, call.context, options.propagator)
      : undefined;
    if (options.requestHook !== undefined && call.recording) {
      const request = { method, url, input, init };
      callSafely('the requestHook option', options.requestHook, call.span, request);
    }
    const sentInit = headers === undefined ? init : { ...(init as object | undefined), headers };
    return { call, init: sentInit, signal: described.signal };
  } catch (error) {
    reportError('adding the trace headers', error);
    return { call, init, signal: described.signal };
  }
}

/**
 * Wraps a fetch function (Node's global `fetch`, `undici`'s, or any with its
 * signature) so that every call opens a CLIENT span, child of the active span,
 * and carries the trace context to the destination in its request headers.
 * The response, or the error, reaches the caller unchanged.
 *
 * @example
 * import { wrapFetch } from '@otelware/fetch';
 *
 * const tracedFetch = wrapFetch(fetch);
 * const response = await tracedFetch('http://users.internal/api/users/42');
 */
export function wrapFetch<F extends (input: never, init?: never) => Promise<unknown>>(
  fetch: F,
  options: FetchTracingOptions = {},
): F {
  if (typeof fetch !== 'function')
    throw new TypeError('@otelware: wrapFetch needs a fetch function');
  const original = originalOf(fetch) as unknown as AnyFetch;
  const resolved = resolveFetchOptions(options);
  const tracer = new ClientTracer(options, { name, version });

  function tracedFetch(input: unknown, init?: unknown): Promise<unknown> {
    const prepared = prepare(tracer, resolved, input, init);
    if (prepared === undefined) return original(input, init);
    const { call, signal } = prepared;
    let pending: Promise<unknown>;
    try {
      pending = context.with(call.context, original, undefined, input, prepared.init);
    } catch (error) {
      settleFailure(call, error, signal);
      throw error;
    }
    // unsampled and unmeasured: nothing to learn from the outcome, so the caller gets
    // fetch's own promise, without one of ours (and its two closures) chained on
    if (!call.recordsOutcome) return pending;
    return pending.then(
      (response) => {
        settleResponse(call, response, resolved.responseHook);
        return response;
      },
      (error: unknown) => {
        settleFailure(call, error, signal);
        throw error;
      },
    );
  }

  Object.defineProperty(tracedFetch, ORIGINAL, { value: original });
  keepOwnProperties(tracedFetch, fetch);
  return tracedFetch as unknown as F;
}

/**
 * Replaces `globalThis.fetch` with a traced fetch (see `wrapFetch`), so every
 * library that calls the global fetch is traced too. Returns a function that puts
 * the original fetch back. Calling it again re-wraps the original with the new
 * options: fetch is never wrapped twice.
 *
 * @example
 * import { instrumentFetch } from '@otelware/fetch';
 *
 * const uninstrument = instrumentFetch({ propagateTo: ['https://api.example.com'] });
 */
export function instrumentFetch(options?: FetchTracingOptions): () => void {
  const current = globalThis.fetch;
  if (typeof current !== 'function') {
    throw new TypeError('@otelware: instrumentFetch needs a global fetch (Node.js 18 or newer)');
  }
  const original = originalOf(current);
  const traced = wrapFetch(original, options);
  globalThis.fetch = traced;
  return function uninstrumentFetch(): void {
    // only while our wrapper is installed: never undo a later instrumentation
    if (globalThis.fetch === traced) globalThis.fetch = original;
  };
}

/**
 * Gives the wrapper the wrapped function's own properties (Bun's `fetch.preconnect`, say),
 * so code that uses them works the same once fetch is traced.
 */
function keepOwnProperties(wrapper: object, fetch: object): void {
  for (const key of Reflect.ownKeys(fetch)) {
    if (Object.prototype.hasOwnProperty.call(wrapper, key)) continue; // length, name, prototype…
    const descriptor = Object.getOwnPropertyDescriptor(fetch, key);
    if (descriptor !== undefined) Object.defineProperty(wrapper, key, descriptor);
  }
}
