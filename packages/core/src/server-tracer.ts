import {
  context,
  isSpanContextValid,
  propagation,
  type Context,
  type Span,
  type TextMapGetter,
  type Tracer,
} from '@opentelemetry/api';
import type { ServerAdapter } from './adapter';
import { DurationHistogram } from './duration-histogram';
import { addOpenRequest, keepContext, openRequestsNow } from './open-requests';
import { callSafely, reportError } from './report-error';
import { RequestTrace, type ClosableResponse } from './request-trace';
import { resolveOptions, type ResolvedOptions } from './resolve-options';
import { runEmitterInContext, sharesEmit, type ContextEmitter } from './run-emitter-in-context';
import {
  returnTraceTo,
  type HeaderWritingResponse,
  type TraceResponseFormat,
} from './trace-context/trace-response';
import { TracerLookup } from './tracer-lookup';
import type { HttpHeaders, HttpRequest, TracingOptions } from './types';

/** The response an adapter hands over: Node's `http.ServerResponse` fits. */
export type ServerResponseLike = ClosableResponse & HeaderWritingResponse;

const headerGetter: TextMapGetter<HttpHeaders> = {
  keys: (headers) => Object.keys(headers),
  get: (headers, key) => headers[key],
};

/**
 * The request lifecycle every adapter shares. Created once per middleware or
 * plugin (the options are validated then); `startRequest` opens one SERVER span
 * per request by the HTTP semantic conventions, makes the request stream's events
 * run in its context and ends it when the response closes. `K` is the adapter's
 * own object for a request (Express's `req`, Koa's `ctx`, Fastify's `request`).
 */
export class ServerTracer<K extends object = HttpRequest> {
  readonly options: ResolvedOptions;
  readonly adapter: ServerAdapter<K>;
  private readonly tracer: TracerLookup;
  private readonly durations: DurationHistogram;

  constructor(options: TracingOptions | undefined, adapter: ServerAdapter<K>) {
    this.options = resolveOptions(options);
    this.adapter = adapter;
    this.tracer = new TracerLookup(this.options.tracerProvider, adapter);
    this.durations = new DurationHistogram(
      this.options.meterProvider,
      adapter,
      'http.server.request.duration',
      'Duration of HTTP server requests.',
    );
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
   * Starts tracing `request`: its SERVER span, child of the context its headers
   * carry. When the outcome is recorded, the span ends when `response` closes and,
   * until then, `traceOf(key)` finds the trace where the adapter has it kept
   * (`keepsTraceIn`); the request stream's listeners run
   * in the span's context. `route` is the route template when routing is done
   * already (else `setRoute` or the adapter's `resolveRoute` give it). Run the rest
   * of the app in the returned trace's `context`. Returns `undefined`, having done
   * nothing else, when the request is ignored, when no SDK is registered, or when
   * tracing itself fails: then call the app straight through.
   */
  startRequest(
    request: HttpRequest,
    response?: ServerResponseLike,
    key: K = request as K,
    route?: string,
  ): RequestTrace | undefined {
    const { ignore } = this.options;
    if (ignore !== undefined && callSafely('the ignore option', ignore, request) === true) {
      return undefined;
    }
    let requestTrace: RequestTrace;
    let tracer: Tracer | undefined;
    try {
      tracer = this.tracer.get();
      const histogram = this.durations.get();
      if (tracer === undefined && histogram === undefined) return undefined;
      const parent = this.extract(request.headers);
      requestTrace = new RequestTrace(this, key, request, parent, tracer, histogram);
    } catch (error) {
      reportError('starting the server span', error);
      return undefined;
    }
    requestTrace.setRoute(route);
    const { requestHook, traceResponse } = this.options;
    if (requestHook !== undefined && requestTrace.recording) {
      callSafely('the requestHook option', requestHook, requestTrace.span, request);
    }
    // only a span of our tracer: without one, the span carries the caller's context
    if (traceResponse !== false && response !== undefined && tracer !== undefined) {
      this.returnTrace(response, traceResponse, requestTrace.span);
    }
    if (requestTrace.recordsOutcome) {
      addOpenRequest(requestTrace, this.adapter.keepsTraceIn);
      if (response !== undefined) requestTrace.endOnClose(response);
    }
    this.bindRequestEvents(request, requestTrace);
    return requestTrace;
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

  /** The route template the adapter reads when the request ends, if it reads it then. */
  resolveRoute(key: object): string | undefined {
    const { resolveRoute } = this.adapter;
    return resolveRoute && callSafely('resolving the route', resolveRoute, key as K);
  }

  /**
   * Makes the listeners of the request stream's events (`data`, `end`, …, which
   * come from the socket) run with the span active. The response needs no such
   * help: its events follow writes made inside the request's context.
   */
  private bindRequestEvents(request: HttpRequest, requestTrace: RequestTrace): void {
    const emitter = request as Partial<ContextEmitter>;
    if (typeof emitter.emit !== 'function') return;
    try {
      const { sharedRequestPrototype, keepsTraceIn } = this.adapter;
      if (
        sharedRequestPrototype === undefined ||
        !sharesEmit(emitter as ContextEmitter, sharedRequestPrototype)
      ) {
        runEmitterInContext(emitter as ContextEmitter, requestTrace.context);
      } else if (
        // a trace kept in the side table by this request gives the wrapper its context
        !(requestTrace.recordsOutcome && keepsTraceIn === 'table' && requestTrace.key === request)
      ) {
        keepContext(request, requestTrace.context);
      }
    } catch (error) {
      reportError('binding the request context', error);
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
