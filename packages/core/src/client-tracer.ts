import { context, SpanKind, trace, type Span } from '@opentelemetry/api';
import { ClientCall } from './client-call';
import { DurationHistogram, monotonicNow } from './duration-histogram';
import { clientDurationAttributes, clientRequestAttributes } from './client-attributes';
import { captureHeaders, type HeaderCapture, type HeaderReader } from './capture-headers';
import { normalizeMethod } from './known-methods';
import { applyOptionRules } from './option-rules';
import { reportError } from './report-error';
import { HTTP_OPTION_RULES } from './resolve-options';
import { spanNameFor } from './span-name';
import { startSpan } from './start-span';
import { TracerLookup, type InstrumentationScope } from './tracer-lookup';
import type { HttpTracingOptions } from './types';

/**
 * The core of every HTTP client integration: validates the shared options once,
 * then opens one CLIENT span per outgoing call by the HTTP semantic conventions,
 * as a child of the active span.
 */
export class ClientTracer {
  readonly redactQueryParams: ReadonlySet<string>;
  private readonly knownMethods: ReadonlySet<string>;
  private readonly requestHeaders: HeaderCapture;
  private readonly responseHeaders: HeaderCapture;
  private readonly tracer: TracerLookup;
  private readonly durations: DurationHistogram;

  /** Checks the shared HTTP options (other keys of `options` are the caller's to check). */
  constructor(options: HttpTracingOptions | undefined, scope: InstrumentationScope) {
    const resolved = applyOptionRules(HTTP_OPTION_RULES, options ?? {});
    this.redactQueryParams = resolved.redactQueryParams;
    this.knownMethods = resolved.knownMethods;
    this.requestHeaders = resolved.captureHeaders.request;
    this.responseHeaders = resolved.captureHeaders.response;
    this.tracer = new TracerLookup(resolved.tracerProvider, scope);
    this.durations = new DurationHistogram(
      resolved.meterProvider,
      scope,
      'http.client.request.duration',
      'Duration of HTTP client requests.',
    );
  }

  /**
   * Starts the CLIENT span for a call of `method` (as sent) to `url`, child of the
   * active span. Returns `undefined` when no SDK is registered or tracing fails.
   * `readHeader` reads the outgoing request headers, for `captureHeaders.request`.
   */
  startCall(method: string, url: URL, readHeader?: HeaderReader): ClientCall | undefined {
    let span: Span | undefined;
    try {
      const tracer = this.tracer.get();
      const histogram = this.durations.get();
      if (tracer === undefined && histogram === undefined) return undefined;
      const normalized = normalizeMethod(method, this.knownMethods);
      const attributes = clientRequestAttributes(method, normalized, url, this.redactQueryParams);
      if (readHeader !== undefined) captureHeaders(attributes, readHeader, this.requestHeaders);
      const parent = context.active();
      // Span and metric measure one interval: see ServerTracer.startRequest.
      const startTime = histogram === undefined ? undefined : monotonicNow();
      span = startSpan(
        tracer,
        spanNameFor(normalized, undefined),
        SpanKind.CLIENT,
        attributes,
        startTime,
        parent,
      );
      return new ClientCall(
        span,
        trace.setSpan(parent, span),
        this.responseHeaders,
        histogram === undefined || startTime === undefined
          ? undefined
          : { histogram, startTime, attributes: clientDurationAttributes(attributes, url) },
      );
    } catch (error) {
      reportError('starting the client span', error);
      try {
        span?.end();
      } catch (endError) {
        reportError('ending the client span', endError);
      }
      return undefined;
    }
  }

  /** True when `captureHeaders.request` names headers, so callers can skip reading them. */
  get capturesRequestHeaders(): boolean {
    return this.requestHeaders.length > 0;
  }
}
