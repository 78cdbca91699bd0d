import {
  context,
  isSpanContextValid,
  propagation,
  SpanKind,
  trace,
  type Context,
  type Span,
  type TextMapGetter,
} from '@opentelemetry/api';
import { ATTR_URL_SCHEME } from './attributes';
import { DurationHistogram, monotonicNow } from './duration-histogram';
import { normalizeMethod } from './known-methods';
import { addOpenRequest, openRequestsNow, removeOpenRequest } from './open-requests';
import { callSafely, reportError } from './report-error';
import { RequestTrace } from './request-trace';
import { requestAttributes } from './request-attributes';
import { resolveOptions, type ResolvedOptions } from './resolve-options';
import { spanNameFor } from './span-name';
import { startSpan } from './start-span';
import {
  returnTraceTo,
  type HeaderWritingResponse,
  type TraceResponseFormat,
} from './trace-response';
import { TracerLookup, type InstrumentationScope } from './tracer-lookup';
import type { HttpHeaders, HttpRequest, TracingOptions } from './types';

/** What an adapter may add to the core's request lifecycle. */
export interface AdapterHooks {
  /**
   * Reads the route template when the request ends, for frameworks whose routing
   * is easiest to read afterwards. A template set with `RequestTrace.setRoute` wins.
   */
  readonly resolveRoute?: (request: HttpRequest) => string | undefined;
}

const headerGetter: TextMapGetter<HttpHeaders> = {
  keys: (headers) => Object.keys(headers),
  get: (headers, key) => headers[key],
};

function endSpan(span: Span): void {
  span.end();
}

/**
 * The core of every adapter: validates the options once, then opens one SERVER
 * span per request by the HTTP semantic conventions. Adapters call `startRequest`
 * with the raw request and end the returned `RequestTrace` with the response.
 */
export class ServerTracer {
  readonly options: ResolvedOptions;
  readonly hooks: AdapterHooks;
  private readonly tracer: TracerLookup;
  private readonly durations: DurationHistogram;

  constructor(
    options: TracingOptions | undefined,
    scope: InstrumentationScope,
    hooks: AdapterHooks = {},
  ) {
    this.options = resolveOptions(options);
    this.tracer = new TracerLookup(this.options.tracerProvider, scope);
    this.durations = new DurationHistogram(
      this.options.meterProvider,
      scope,
      'http.server.request.duration',
      'Duration of HTTP server requests.',
    );
    this.hooks = hooks;
  }

  /**
   * Ends, as aborted, the span of every request of this tracer still open, with
   * any status already written: for an app that closes with requests it will never
   * answer, such as `inject()`ed requests, which have no connection whose close
   * would end them.
   */
  endOpenRequests(): void {
    for (const request of openRequestsNow()) {
      if (request.startedBy(this)) request.endAborted();
    }
  }

  /** Called by `RequestTrace.end`: the request's span is no longer open. */
  forget(requestTrace: RequestTrace): void {
    removeOpenRequest(requestTrace);
  }

  /**
   * False while no SDK is registered (and no `tracerProvider` or `meterProvider`
   * was given): adapters that must read framework state before `startRequest` can
   * skip it then.
   */
  get enabled(): boolean {
    try {
      return this.tracer.get() !== undefined || this.durations.get() !== undefined;
    } catch (error) {
      reportError('finding the tracer', error);
      return false;
    }
  }

  /**
   * Starts the server span for `request`, child of the context its headers carry.
   * Returns `undefined`, and does nothing else, when the request is ignored, when
   * no SDK is registered, or when tracing itself fails. `response` is where the
   * `traceResponse` option writes its header.
   */
  startRequest(request: HttpRequest, response?: HeaderWritingResponse): RequestTrace | undefined {
    const { ignore } = this.options;
    if (
      ignore !== undefined &&
      callSafely('the ignore option', ignore, request, undefined) === true
    ) {
      return undefined;
    }
    let span: Span | undefined;
    try {
      const tracer = this.tracer.get();
      const histogram = this.durations.get();
      if (tracer === undefined && histogram === undefined) return undefined;
      const parent = this.extract(request.headers);
      const method = normalizeMethod(request.method ?? 'GET', this.options.knownMethods);
      const attributes = requestAttributes(request, method, this.options);
      // Span and metric measure one interval: with a histogram, the span takes its
      // start (and, in RequestTrace, its end) from the same clock readings.
      const startTime = histogram === undefined ? undefined : monotonicNow();
      span = startSpan(
        tracer,
        spanNameFor(method, undefined),
        SpanKind.SERVER,
        attributes,
        startTime,
        parent,
      );
      const requestTrace = new RequestTrace(
        this,
        request,
        span,
        trace.setSpan(parent, span),
        method,
        histogram === undefined || startTime === undefined
          ? undefined
          : { histogram, startTime, scheme: attributes[ATTR_URL_SCHEME] as string | undefined },
      );
      const { requestHook, traceResponse } = this.options;
      if (requestHook !== undefined && requestTrace.recording) {
        callSafely('the requestHook option', requestHook, span, request);
      }
      // only a span of our tracer: without one, `span` carries the caller's context
      if (traceResponse !== false && response !== undefined && tracer !== undefined) {
        this.returnTrace(response, traceResponse, span);
      }
      if (requestTrace.recordsOutcome) addOpenRequest(requestTrace);
      return requestTrace;
    } catch (error) {
      reportError('starting the server span', error);
      if (span !== undefined) callSafely('ending the server span', endSpan, span, undefined);
      return undefined;
    }
  }

  /**
   * Sent for unsampled spans too: their flags tell the caller the trace was not
   * recorded (Trace Context Level 2, `traceresponse` sampled flag).
   */
  private returnTrace(
    response: HeaderWritingResponse,
    format: TraceResponseFormat,
    span: Span,
  ): void {
    try {
      const spanContext = span.spanContext();
      if (isSpanContextValid(spanContext)) returnTraceTo(response, format, spanContext);
    } catch (error) {
      reportError('returning the trace context in the response', error);
    }
  }

  private extract(headers: HttpHeaders): Context {
    const { propagator } = this.options;
    return propagator === undefined
      ? propagation.extract(context.active(), headers, headerGetter)
      : propagator.extract(context.active(), headers, headerGetter);
  }
}
