import type { HttpTracingOptions } from '@otelware/core';
import type { Span, TextMapPropagator } from '@opentelemetry/api';

/**
 * What may be passed to fetch as its first argument: a URL string, a `URL`, or a
 * `Request` (Node's own, or `undici`'s).
 */
export type FetchInput = string | URL | RequestLike;

/** The parts of a `Request` that otelware reads. */
export interface RequestLike {
  readonly url: string;
  readonly method: string;
  readonly headers: Iterable<[string, string]>;
  readonly signal?: AbortSignal | null;
}

/** The call as the caller made it, handed to `requestHook`. */
export interface FetchRequestInfo {
  /** The method as it is sent, e.g. `GET`. */
  readonly method: string;
  /** The destination, parsed (with credentials and query as given: redact before recording). */
  readonly url: URL;
  /** fetch's first argument, as given. */
  readonly input: unknown;
  /** fetch's second argument, as given. */
  readonly init: unknown;
}

/**
 * Which destinations receive the trace headers (`traceparent`, `tracestate`,
 * `baggage`). The CLIENT span is recorded either way.
 * - a list: origin strings (`'https://api.example.com'`, compared with the URL's
 *   origin) and RegExps (tested against the full URL); any match propagates;
 * - a function of the destination URL; `true` propagates.
 */
export type PropagateTo = ReadonlyArray<string | RegExp> | ((url: URL) => boolean);

/**
 * Options of `wrapFetch` and `instrumentFetch`. All are optional and are validated
 * once, when the wrapper is created: a bad value throws a `TypeError`.
 */
export interface FetchTracingOptions extends HttpTracingOptions {
  /**
   * Writes the trace context into the outgoing request headers.
   * @default the global propagator (`propagation`), e.g. W3C Trace Context + Baggage
   */
  propagator?: TextMapPropagator;
  /**
   * Which destinations receive trace headers.
   * @default every destination except signed URLs: a URL whose query carries one
   * of `AWSAccessKeyId`, `Signature`, `sig`, `X-Goog-Signature`, `X-Amz-Signature`,
   * `X-Amz-Credential` or `X-Amz-Security-Token` gets no headers added
   */
  propagateTo?: PropagateTo;
  /**
   * Return `true` to leave a call untraced: no span and no headers, fetch is
   * called exactly as it was.
   */
  ignore?: (url: URL, init: unknown) => boolean;
  /** Called with the new span (only when it is recording), e.g. to add attributes. */
  requestHook?: (span: Span, request: FetchRequestInfo) => void;
  /** Called with the response before the span ends (only when it is recording). */
  responseHook?: (span: Span, response: Response) => void;
}
