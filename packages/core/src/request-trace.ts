import { SpanStatusCode, type Context, type Exception, type Span } from '@opentelemetry/api';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_NETWORK_PROTOCOL_VERSION,
  ATTR_OTELWARE_ABORTED,
} from './attribute-names';
import { captureResponseHeaders } from './capture-headers';
import { errorTypeOf } from './error-type';
import { callSafely, reportError } from './report-error';
import { runEmitterInContext, type ContextEmitter } from './run-emitter-in-context';
import type { ServerTracer } from './server-tracer';
import { spanNameFor } from './span-name';
import type { HttpRequest, HttpResponse } from './types';

/** A Node.js response that says when it closes (`http.ServerResponse` fits). */
export interface ClosableResponse extends HttpResponse {
  readonly writableFinished?: boolean;
  on(event: 'close', listener: () => void): unknown;
}

const TRACE_OF_RESPONSE = Symbol('otelware.requestTrace');

function onResponseClose(this: ClosableResponse): void {
  const requestTrace = (this as unknown as Record<symbol, RequestTrace | undefined>)[
    TRACE_OF_RESPONSE
  ];
  requestTrace?.end(this, this.writableFinished !== true);
}

function protocolVersion(httpVersion: string | undefined): string | undefined {
  if (httpVersion === undefined) return undefined;
  return httpVersion.endsWith('.0') && httpVersion !== '1.0'
    ? httpVersion.slice(0, -2)
    : httpVersion;
}

function asException(error: unknown): Exception {
  return typeof error === 'object' && error !== null ? (error as Exception) : String(error);
}

/**
 * One request's server span. Adapters set the route when routing resolves, report
 * the app's error, and end it with the response; `end` runs its work exactly once
 * and never throws.
 */
export class RequestTrace {
  /** The context in which the span is active: run the request's handlers in it. */
  readonly context: Context;
  /** False for unsampled spans: then nothing needs recording or ending. */
  readonly recording: boolean;
  private route: string | undefined;
  private error: unknown;
  private failed = false;
  private ended = false;

  constructor(
    private readonly tracer: ServerTracer,
    readonly request: HttpRequest,
    readonly span: Span,
    spanContext: Context,
    private readonly method: string,
  ) {
    this.context = spanContext;
    this.recording = span.isRecording();
  }

  /** Sets the matched route template (with every mount prefix), e.g. `/api/users/:id`. */
  setRoute(route: string | undefined): void {
    if (route !== undefined && route !== '') this.route = route;
  }

  /**
   * Remembers the error the app raised for this request. It is recorded (exception
   * event, ERROR status, `error.type`) only if the response is a 5xx or never came:
   * an error the app answered with a 4xx is the client's, not the server's.
   */
  recordError(error: unknown): void {
    this.error = error;
    this.failed = true;
  }

  /**
   * Makes the listeners of the request stream's events (`data`, `end`, …, which
   * come from the socket) run with the span active. The response needs no such
   * help: its events follow writes made inside the request's context.
   */
  bindRequestEvents(request: ContextEmitter): void {
    try {
      runEmitterInContext(request, this.context);
    } catch (error) {
      reportError('binding the request context', error);
    }
  }

  /** Ends the span when `response` closes: after it finished, or when the client went away. */
  endOnClose(response: ClosableResponse): void {
    try {
      (response as unknown as Record<symbol, RequestTrace>)[TRACE_OF_RESPONSE] = this;
      response.on('close', onResponseClose); // 'close' comes once; `once` would allocate a wrapper
    } catch (error) {
      reportError('watching the response', error);
    }
  }

  /** Records the outcome and ends the span; later calls do nothing. */
  end(response: HttpResponse | undefined, aborted = false): void {
    if (this.ended) return;
    this.ended = true;
    if (this.recording) {
      try {
        this.recordOutcome(response, aborted);
      } catch (error) {
        reportError('recording the response', error);
      }
    }
    try {
      this.span.end();
    } catch (error) {
      reportError('ending the server span', error);
    }
  }

  private recordOutcome(response: HttpResponse | undefined, aborted: boolean): void {
    const { span, request } = this;
    const { options, hooks } = this.tracer;
    const route =
      this.route ??
      (hooks.resolveRoute &&
        callSafely('resolving the route', hooks.resolveRoute, request, undefined));
    if (route) span.setAttribute(ATTR_HTTP_ROUTE, route);
    const customName =
      options.spanName && callSafely('the spanName option', options.spanName, request, route);
    span.updateName(
      typeof customName === 'string' && customName !== ''
        ? customName
        : spanNameFor(this.method, route),
    );

    const version = protocolVersion(request.httpVersion);
    if (version !== undefined) span.setAttribute(ATTR_NETWORK_PROTOCOL_VERSION, version);
    const status =
      response !== undefined && (!aborted || response.headersSent === true)
        ? response.statusCode
        : undefined;
    if (status !== undefined) span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, status);
    if (aborted) span.setAttribute(ATTR_OTELWARE_ABORTED, true);
    if (status !== undefined ? status >= 500 : this.failed) this.markFailed(status);

    if (response !== undefined) {
      captureResponseHeaders(span, response, options.responseHeaders);
      if (options.responseHook)
        callSafely('the responseHook option', options.responseHook, span, response);
    }
  }

  private markFailed(status: number | undefined): void {
    const { span } = this;
    if (this.failed) {
      span.recordException(asException(this.error));
      span.setAttribute(ATTR_ERROR_TYPE, errorTypeOf(this.error));
      const message = (this.error as { message?: unknown } | null)?.message;
      span.setStatus({
        code: SpanStatusCode.ERROR,
        message: typeof message === 'string' ? message : undefined,
      });
    } else {
      span.setAttribute(ATTR_ERROR_TYPE, String(status));
      span.setStatus({ code: SpanStatusCode.ERROR });
    }
  }
}
