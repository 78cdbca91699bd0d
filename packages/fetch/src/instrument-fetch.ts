import type { FetchTracingOptions } from './types';
import { originalOf, wrapFetch } from './wrap-fetch';

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
