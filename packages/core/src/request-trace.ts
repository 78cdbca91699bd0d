import {
  SpanStatusCode,
  type Attributes,
  type Context,
  type Histogram,
  type Span,
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
import type { ObjectSlot } from './object-slot';
import { captureResponseHeaders } from './capture-headers';
import { errorTypeOf } from './error-type';
import { recordException } from './record-exception';
import { callSafely, reportError } from './report-error';
import {
  runEmitterInContext,
  runEmitterInContextViaPrototype,
  type ContextEmitter,
} from './run-emitter-in-context';
import type { ServerTracer } from './server-tracer';
import { spanNameFor } from './span-name';
import type { HttpRequest, HttpResponse } from './types';

/** The `http.server.request.duration` measurement of one request. */
export interface ServerDuration {
  readonly histogram: Histogram;
  /** `monotonicNow()` when the request started, also the span's start time. */
  readonly startTime: number;
  readonly scheme: string | undefined;
}

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
 * One request's server span. Adapters set the route when routing resolves, report
 * the app's error, and end it with the response; `end` runs its work exactly once
 * and never throws.
 */
export class RequestTrace {
  /** The context in which the span is active: run the request's handlers in it. */
  readonly context: Context;
  /** False for unsampled spans: then nothing needs recording on the span. */
  readonly recording: boolean;
  /**
   * True when the request's outcome is wanted: the span records, or the duration
   * metric is measured. Adapters skip the work of watching the request end otherwise.
   */
  readonly recordsOutcome: boolean;
  private route: string | undefined;
  private error: unknown;
  private failed = false;
  private ended = false;
  private keptIn: ObjectSlot<unknown> | undefined;
  private keptFor: object | undefined;
  private watched: ClosableResponse | undefined;
  /** Links of the process's list of open requests (`open-requests.ts`). */
  previousOpen: RequestTrace | undefined = undefined;
  nextOpen: RequestTrace | undefined = undefined;

  constructor(
    private readonly tracer: ServerTracer,
    readonly request: HttpRequest,
    readonly span: Span,
    spanContext: Context,
    private readonly method: string,
    private readonly duration?: ServerDuration,
  ) {
    this.context = spanContext;
    this.recording = span.isRecording();
    this.recordsOutcome = this.recording || duration !== undefined;
  }

  /**
   * Keeps `value` in `slot` for `target` (the adapter's per-request state) until the
   * span has ended, then removes it. Left to the WeakMap, the entry would outlive the
   * request: V8's young-generation GC treats WeakMap values as live while their
   * entry exists, so a value that leads back to its key (Koa's `ctx` to `ctx.req`,
   * this trace to Express's `req`) would carry every finished request into the old
   * generation, to be freed only by a full GC.
   */
  keepUntilEnd<T>(slot: ObjectSlot<T>, target: object, value: T): void {
    slot.set(target, value);
    this.keptIn = slot as ObjectSlot<unknown>;
    this.keptFor = target;
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
   * help: its events follow writes made inside the request's context. A framework
   * that re-prototypes every request (Express) passes `sharedPrototypeOf`, which
   * finds the prototype all of its requests share: the binding then lives there and
   * the request gets no field.
   */
  bindRequestEvents(
    request: ContextEmitter,
    sharedPrototypeOf?: (request: ContextEmitter) => ContextEmitter | undefined,
  ): void {
    try {
      if (
        sharedPrototypeOf === undefined ||
        !runEmitterInContextViaPrototype(request, sharedPrototypeOf, this.context)
      ) {
        runEmitterInContext(request, this.context);
      }
    } catch (error) {
      reportError('binding the request context', error);
    }
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
      // a closure, not a field on the response: see runEmitterInContext for why
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
    this.tracer.forget(this);
    const { duration } = this;
    const endTime = duration === undefined ? undefined : monotonicNow();
    if (this.recordsOutcome) {
      try {
        const outcome = this.outcome(response, aborted);
        if (this.recording) this.recordOutcome(outcome, response, aborted);
        if (duration !== undefined && endTime !== undefined) {
          duration.histogram.record(
            (endTime - duration.startTime) / 1000,
            this.durationAttributes(outcome, duration.scheme),
          );
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
    if (this.keptFor !== undefined) this.keptIn?.delete(this.keptFor);
  }

  private outcome(response: HttpResponse | undefined, aborted: boolean): RequestOutcome {
    const { request } = this;
    const { resolveRoute } = this.tracer.hooks;
    const route =
      this.route ??
      (resolveRoute && callSafely('resolving the route', resolveRoute, request, undefined));
    const status =
      response !== undefined && (!aborted || response.headersSent === true)
        ? response.statusCode
        : undefined;
    const failed = status !== undefined ? status >= 500 : this.failed;
    return {
      route: route || undefined,
      status,
      errorType: !failed ? undefined : this.failed ? errorTypeOf(this.error) : String(status),
      protocolVersion: protocolVersion(request.httpVersion),
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
    const customName =
      options.spanName && callSafely('the spanName option', options.spanName, request, route);
    span.updateName(
      typeof customName === 'string' && customName !== ''
        ? customName
        : spanNameFor(this.method, route),
    );

    if (version !== undefined) span.setAttribute(ATTR_NETWORK_PROTOCOL_VERSION, version);
    if (status !== undefined) span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, status);
    if (aborted) span.setAttribute(ATTR_OTELWARE_ABORTED, true);
    if (errorType !== undefined) this.markFailed(errorType);

    if (response !== undefined) {
      captureResponseHeaders(span, response, options.responseHeaders);
      if (options.responseHook)
        callSafely('the responseHook option', options.responseHook, span, response);
    }
  }

  private markFailed(errorType: string): void {
    const { span } = this;
    span.setAttribute(ATTR_ERROR_TYPE, errorType);
    if (this.failed) {
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
  private durationAttributes(outcome: RequestOutcome, scheme: string | undefined): Attributes {
    const attributes: Attributes = { [ATTR_HTTP_REQUEST_METHOD]: this.method };
    if (scheme !== undefined) attributes[ATTR_URL_SCHEME] = scheme;
    if (outcome.route !== undefined) attributes[ATTR_HTTP_ROUTE] = outcome.route;
    if (outcome.status !== undefined) attributes[ATTR_HTTP_RESPONSE_STATUS_CODE] = outcome.status;
    if (outcome.errorType !== undefined) attributes[ATTR_ERROR_TYPE] = outcome.errorType;
    if (outcome.protocolVersion !== undefined) {
      attributes[ATTR_NETWORK_PROTOCOL_VERSION] = outcome.protocolVersion;
    }
    return attributes;
  }
}
