import {
  context,
  SpanKind,
  trace,
  type MeterProvider,
  type Span,
  type TracerProvider,
} from '@opentelemetry/api';
import { ClientCall } from './client-call';
import { DurationHistogram, monotonicNow } from './duration-histogram';
import { clientDurationAttributes, clientRequestAttributes } from './client-attributes';
import {
  captureHeaders,
  headerCapture,
  type HeaderCapture,
  type HeaderReader,
} from './capture-headers';
import { normalizeMethod, resolveKnownMethods } from './known-methods';
import {
  checkCaptureHeaders,
  checkMeterProvider,
  checkStringArray,
  checkTracerProvider,
} from './option-checks';
import { DEFAULT_REDACTED_QUERY_PARAMS } from './redact';
import { callSafely, reportError } from './report-error';
import { spanNameFor } from './span-name';
import { startSpan } from './start-span';
import { TracerLookup, type InstrumentationScope } from './tracer-lookup';
import type { CaptureHeaders } from './types';

/** The options every otelware HTTP client shares; each is validated by `ClientTracer`. */
export interface ClientTracingOptions {
  /**
   * Where spans go.
   * @default the global tracer provider (`trace.getTracerProvider()`)
   */
  tracerProvider?: TracerProvider;
  /**
   * Where the `http.client.request.duration` histogram goes.
   * @default the global meter provider (`metrics.getMeterProvider()`)
   */
  meterProvider?: MeterProvider;
  /** Headers to record; none by default. */
  captureHeaders?: CaptureHeaders;
  /**
   * Query parameters whose values are recorded as `REDACTED` in `url.full`.
   * Replaces the default list.
   * @default ['AWSAccessKeyId', 'Signature', 'sig', 'X-Goog-Signature', 'X-Amz-Signature', 'X-Amz-Credential', 'X-Amz-Security-Token']
   */
  redactQueryParams?: string[];
  /**
   * The HTTP methods recorded as they are; any other becomes `_OTHER`.
   * @default `OTEL_INSTRUMENTATION_HTTP_KNOWN_METHODS`, else CONNECT DELETE GET HEAD OPTIONS PATCH POST PUT TRACE
   */
  knownMethods?: string[];
}

function endSpan(span: Span): void {
  span.end();
}

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

  /** Checks the shared options (other keys of `options` are the caller's to check). */
  constructor(options: ClientTracingOptions | undefined, scope: InstrumentationScope) {
    const { tracerProvider, meterProvider, redactQueryParams, knownMethods } = options ?? {};
    checkTracerProvider(tracerProvider);
    checkMeterProvider(meterProvider);
    const capture = checkCaptureHeaders(options?.captureHeaders);
    const redact = checkStringArray(redactQueryParams, 'redactQueryParams');
    this.redactQueryParams = new Set(redact ?? DEFAULT_REDACTED_QUERY_PARAMS);
    this.knownMethods = resolveKnownMethods(checkStringArray(knownMethods, 'knownMethods'));
    this.requestHeaders = headerCapture(capture.request, 'request');
    this.responseHeaders = headerCapture(capture.response, 'response');
    this.tracer = new TracerLookup(tracerProvider, scope);
    this.durations = new DurationHistogram(
      meterProvider,
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
      if (span !== undefined) callSafely('ending the client span', endSpan, span, undefined);
      return undefined;
    }
  }

  /** True when `captureHeaders.request` names headers, so callers can skip reading them. */
  get capturesRequestHeaders(): boolean {
    return this.requestHeaders.length > 0;
  }
}
