import type { MeterProvider, Span, TextMapPropagator, TracerProvider } from '@opentelemetry/api';

/** Incoming header values as Node.js presents them: lower-case names. */
export type HttpHeaders = Record<string, string | string[] | undefined>;

/**
 * The framework-neutral description of an incoming request that adapters hand to
 * the core. Node's `http.IncomingMessage` (Express `req`, Koa `ctx.req`, Fastify
 * `request.raw`) already has this shape, so adapters pass it as it is.
 */
export interface HttpRequest {
  /** The method as sent, e.g. `GET`. */
  readonly method?: string | undefined;
  /** The request target: `/path?query`, or the absolute form `http://host/path`. */
  readonly url?: string | undefined;
  readonly headers: HttpHeaders;
  /** `1.0`, `1.1`, `2.0`. */
  readonly httpVersion?: string | undefined;
  /** The connection: its peer address, and `encrypted` when it is TLS. */
  readonly socket?: {
    readonly remoteAddress?: string | undefined;
    readonly encrypted?: boolean;
  } | null;
}

/** The response facts the core reads when the request ends (`http.ServerResponse` fits). */
export interface HttpResponse {
  readonly statusCode: number;
  readonly headersSent?: boolean;
  getHeader?(name: string): number | string | string[] | undefined;
}

/** Header names to record as span attributes. Matching is case-insensitive. */
export interface CaptureHeaders {
  /** Request headers to record as `http.request.header.<name>` (`string[]`). */
  request?: string[];
  /** Response headers to record as `http.response.header.<name>` (`string[]`). */
  response?: string[];
}

/**
 * The options every otelware HTTP integration shares, server (`TracingOptions`)
 * and client (`FetchTracingOptions`).
 */
export interface HttpTracingOptions {
  /**
   * Where spans go.
   * @default the global tracer provider (`trace.getTracerProvider()`)
   */
  tracerProvider?: TracerProvider;
  /**
   * Where the duration histogram goes (`http.server.request.duration` for a server,
   * `http.client.request.duration` for a client).
   * @default the global meter provider (`metrics.getMeterProvider()`)
   */
  meterProvider?: MeterProvider;
  /** Headers to record; none by default. */
  captureHeaders?: CaptureHeaders;
  /**
   * Query parameters whose values are recorded as `REDACTED` (in a server span's
   * `url.query`, a client span's `url.full`). Replaces the default list.
   * @default ['AWSAccessKeyId', 'Signature', 'sig', 'X-Goog-Signature', 'X-Amz-Signature', 'X-Amz-Credential', 'X-Amz-Security-Token']
   */
  redactQueryParams?: string[];
  /**
   * The HTTP methods recorded as they are; any other becomes `_OTHER` (with
   * `http.request.method_original`). Replaces the default list.
   * @default `OTEL_INSTRUMENTATION_HTTP_KNOWN_METHODS`, else CONNECT DELETE GET HEAD OPTIONS PATCH POST PUT TRACE
   */
  knownMethods?: string[];
}

/**
 * Options shared by every otelware server adapter. All are optional and are
 * validated once, when the middleware is created: a bad value throws a `TypeError`.
 */
export interface TracingOptions extends HttpTracingOptions {
  /**
   * Reads the incoming trace context from the request headers.
   * @default the global propagator (`propagation`), e.g. W3C Trace Context + Baggage
   */
  propagator?: TextMapPropagator;
  /**
   * Return `true` to leave a request untraced (health checks, metrics scrapes):
   * no span is created and no work is done.
   */
  ignore?: (request: HttpRequest) => boolean;
  /**
   * Overrides the span name, called when the request ends with the route template
   * (or `undefined` when no route matched).
   * @default `{method} {route}`, `{method}` when no route matched, `HTTP` for unknown methods
   */
  spanName?: (request: HttpRequest, route: string | undefined) => string;
  /** Called with the new span (only when it is recording), e.g. to add attributes. */
  requestHook?: (span: Span, request: HttpRequest) => void;
  /** Called before the span ends (only when it is recording). */
  responseHook?: (span: Span, response: HttpResponse) => void;
  /**
   * Returns the server span's context to the caller in a response header:
   * `'traceresponse'` sends the W3C Trace Context Level 2 `traceresponse` header
   * (`00-{trace id}-{span id}-{flags}`), `'server-timing'` appends a
   * `traceparent;desc="00-…"` entry to `Server-Timing` (what browser monitoring
   * reads). Off by default: the ids let any caller, including a browser on another
   * site, point at this request's trace (see the README's privacy note).
   * @default false
   */
  traceResponse?: false | 'traceresponse' | 'server-timing';
}
