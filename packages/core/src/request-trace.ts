import {
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Histogram,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_NETWORK_PROTOCOL_VERSION,
  ATTR_OTELWARE_ABORTED,
  ATTR_URL_SCHEME,
} from './attributes';
import { monotonicNow } from './duration-histogram';
import { captureResponseHeaders } from './capture-headers';
import { errorTypeOf } from './error-type';
import { recordException } from './record-exception';
import { callSafely, reportError } from './report-error';
import { normalizeMethod } from './known-methods';
import { removeOpenRequest, type OpenRequest } from './open-requests';
import { requestAttributes } from './request-attributes';
import type { ServerTracer } from './server-tracer';
import { serverSpanName, spanNameFor } from './span-name';
import { startSpan } from './start-span';
import type { HttpRequest, HttpResponse } from './types';

/** What the request came to, as both the span and the duration metric record it. */
interface RequestOutcome {
  readonly route: string | undefined;
  readonly status: number | undefined;
  /** Set when the request failed: a 5xx, or an error with no response. */
  readonly errorType: string | undefined;
  readonly protocolVersion: string | undefined;
}

/** A Node.js response that says when it closes (`http.ServerResponse` fits). */
export interface ClosableResponse extends HttpResponse {
  readonly writableFinished?: boolean;
  /** True once the response has emitted `close` (Node.js sets it before emitting). */
  readonly closed?: boolean;
  on(event: 'close', listener: () => void): unknown;
}

function protocolVersion(httpVersion: string | undefined): string | undefined {
  if (httpVersion === undefined) return undefined;
  return httpVersion.endsWith('.0') && httpVersion !== '1.0'
    ? httpVersion.slice(0, -2)
    : httpVersion;
}

/**
 * One request's server span, from start to end. `ServerTracer.startRequest` opens
 * it; the adapter sets the route and the app's error; it ends when the response
 * closes (or through `end`), exactly once, and never throws.
 */
export class RequestTrace {
  /** The context in which the span is active: run the request's handlers in it. */
  readonly context: Context;
  readonly span: Span;
  /** False for unsampled spans: then nothing needs recording on the span. */
  readonly recording: boolean;
  /**
   * True when the request's outcome is wanted: the span records, or the duration
   * metric is measured. Otherwise nothing watches how the request ends.
   */
  readonly recordsOutcome: boolean;
  private readonly method: string;
  /** Set when the duration metric is measured, with the start time span and metric share. */
  private readonly histogram: Histogram | undefined;
  private readonly startTime: number | undefined;
  private readonly scheme: string | undefined;
  private route: string | undefined;
  private error: unknown;
  private hasError = false;
  private ended = false;
  private watched: ClosableResponse | undefined;
  /** Links of the process's list of open requests (`open-requests.ts`). */
  previousOpen: OpenRequest | undefined = undefined;
  nextOpen: OpenRequest | undefined = undefined;

  /**
   * Starts the SERVER span of `request` as a child of `parent`, with the request's
   * attributes. `key` is the adapter's object for the request (what its route
   * resolver reads, and what `traceOf` finds this trace by).
   */
  constructor(
    private readonly tracer: ServerTracer<never>,
    readonly key: object,
    readonly request: HttpRequest,
    parent: Context,
    tracerOfSdk: Tracer | undefined,
    histogram: Histogram | undefined,
  ) {
    const { options } = tracer;
    const method = normalizeMethod(request.method ?? 'GET', options.knownMethods);
    const attributes = requestAttributes(request, method, options);
    // span and metric measure one interval: with a histogram, both read the same clock
    const startTime = histogram === undefined ? undefined : monotonicNow();
    const span = startSpan(
      tracerOfSdk,
      spanNameFor(method, undefined),
      SpanKind.SERVER,
      attributes,
      startTime,
      parent,
    );
    this.method = method;
    this.histogram = histogram;
    this.startTime = startTime;
    this.scheme = attributes[ATTR_URL_SCHEME] as string | undefined;
    this.span = span;
    this.context = trace.setSpan(parent, span);
    try {
      this.recording = span.isRecording();
    } catch (error) {
      span.end();
      throw error;
    }
    this.recordsOutcome = this.recording || histogram !== undefined;
  }

  /** Sets the matched route template (with every mount prefix), e.g. `/api/users/:id`. */
  setRoute(route: string | undefined): void {
    if (route !== undefined && route !== '') this.route = route;
  }

  /**
   * Keeps the error the app raised for this request. The span records it (exception
   * event, ERROR status, `error.type`) when it ends, and only if the response is a
   * 5xx or never came: an error the app answered with a 4xx is the client's.
   */
  setError(error: unknown): void {
    this.error = error;
    this.hasError = true;
  }

  /**
   * Ends the span when `response` closes: after it finished, or when the client
   * went away. A response already closed (the client left while middleware
   * mounted before the adapter's made the request wait) will not emit `close`
   * again: the span ends now.
   */
  endOnClose(response: ClosableResponse): void {
    this.watched = response;
    try {
      if (response.closed === true) {
        this.end(response, response.writableFinished !== true);
        return;
      }
      response.on('close', () => this.end(response, response.writableFinished !== true));
    } catch (error) {
      reportError('watching the response', error);
    }
  }

  /**
   * Ends the span as aborted, for a request the server gave up on before its
   * response finished (the app closed with it in flight). A status already written
   * to the response watched by `endOnClose` is kept.
   */
  endAborted(): void {
    this.end(this.watched, true);
  }

  /** Whether `tracer` started this request. */
  startedBy(tracer: object): boolean {
    return this.tracer === tracer;
  }

  /** Records the outcome (span and duration metric) and ends the span; later calls do nothing. */
  end(response: HttpResponse | undefined, aborted = false): void {
    if (this.ended) return;
    this.ended = true;
    removeOpenRequest(this, this.tracer.adapter.keepsTraceIn);
    const { histogram, startTime } = this;
    const endTime = histogram === undefined ? undefined : monotonicNow();
    if (this.recordsOutcome) {
      try {
        const outcome = this.outcome(response, aborted);
        if (this.recording) this.recordOutcome(outcome, response, aborted);
        if (histogram !== undefined && endTime !== undefined && startTime !== undefined) {
          histogram.record((endTime - startTime) / 1000, this.durationAttributes(outcome));
        }
      } catch (error) {
        reportError('recording the response', error);
      }
    }
    try {
      this.span.end(endTime);
    } catch (error) {
      reportError('ending the server span', error);
    }
  }

  private outcome(response: HttpResponse | undefined, aborted: boolean): RequestOutcome {
    const route = this.route ?? this.tracer.resolveRoute(this.key);
    const status =
      response !== undefined && (!aborted || response.headersSent === true)
        ? response.statusCode
        : undefined;
    // the server failed: a 5xx, or the app's error and no response
    const serverFailed = status !== undefined ? status >= 500 : this.hasError;
    let errorType: string | undefined;
    if (serverFailed) errorType = this.hasError ? errorTypeOf(this.error) : String(status);
    return {
      route: route || undefined,
      status,
      errorType,
      protocolVersion: protocolVersion(this.request.httpVersion),
    };
  }

  private recordOutcome(
    { route, status, errorType, protocolVersion: version }: RequestOutcome,
    response: HttpResponse | undefined,
    aborted: boolean,
  ): void {
    const { span, request } = this;
    const { options } = this.tracer;
    if (route !== undefined) span.setAttribute(ATTR_HTTP_ROUTE, route);
    span.updateName(serverSpanName(this.method, route, request, options.spanName));

    if (version !== undefined) span.setAttribute(ATTR_NETWORK_PROTOCOL_VERSION, version);
    if (status !== undefined) span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, status);
    if (aborted) span.setAttribute(ATTR_OTELWARE_ABORTED, true);
    if (errorType !== undefined) this.markFailed(errorType);

    if (response !== undefined) {
      captureResponseHeaders(span, response, options.responseHeaders);
      if (options.responseHook) {
        callSafely('the responseHook option', options.responseHook, span, response);
      }
    }
  }

  private markFailed(errorType: string): void {
    const { span } = this;
    span.setAttribute(ATTR_ERROR_TYPE, errorType);
    if (this.hasError) {
      recordException(span, this.error);
      const message = (this.error as { message?: unknown } | null)?.message;
      span.setStatus({
        code: SpanStatusCode.ERROR,
        message: typeof message === 'string' ? message : undefined,
      });
    } else {
      span.setStatus({ code: SpanStatusCode.ERROR });
    }
  }

  /** Low-cardinality by design: the route template, never the path. */
  private durationAttributes(outcome: RequestOutcome): Attributes {
    const attributes: Attributes = { [ATTR_HTTP_REQUEST_METHOD]: this.method };
    if (this.scheme !== undefined) attributes[ATTR_URL_SCHEME] = this.scheme;
    if (outcome.route !== undefined) attributes[ATTR_HTTP_ROUTE] = outcome.route;
    if (outcome.status !== undefined) attributes[ATTR_HTTP_RESPONSE_STATUS_CODE] = outcome.status;
    if (outcome.errorType !== undefined) attributes[ATTR_ERROR_TYPE] = outcome.errorType;
    if (outcome.protocolVersion !== undefined) {
      attributes[ATTR_NETWORK_PROTOCOL_VERSION] = outcome.protocolVersion;
    }
    return attributes;
  }
}
