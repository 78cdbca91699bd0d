import {
  SpanStatusCode,
  type Attributes,
  type Context,
  type Histogram,
  type Span,
} from '@opentelemetry/api';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_NETWORK_PROTOCOL_VERSION,
  ATTR_OTELWARE_ABORTED,
  ERROR_TYPE_OTHER,
} from './attributes';
import { monotonicNow } from './duration-histogram';
import { captureHeaders, type HeaderCapture, type HeaderReader } from './capture-headers';
import { failureTypeOf } from './error-type';
import { recordException } from './record-exception';
import { callSafely, reportError } from './report-error';
import { linkTraceResponse } from './trace-context/trace-response';

/** What the core reads from a response to an outgoing call. */
export interface ClientResponse {
  /** The status code; `undefined` when the client library gave none. */
  readonly status: number | undefined;
  /** `1.1`, `2`, … when the client library tells it. */
  readonly protocolVersion?: string | undefined;
  /** Reads a response header, for `captureHeaders.response`. */
  readonly header?: HeaderReader;
}

/** The `http.client.request.duration` measurement of one call. */
export interface ClientDuration {
  readonly histogram: Histogram;
  /** `monotonicNow()` when the call started, also the span's start time. */
  readonly startTime: number;
  /** Method, server address and port, scheme: completed with the outcome at the end. */
  readonly attributes: Attributes;
}

function messageOf(error: unknown): string | undefined {
  const { message, cause } = (error ?? {}) as { message?: unknown; cause?: unknown };
  if (typeof message !== 'string') return undefined;
  const causeMessage = (cause as { message?: unknown } | null | undefined)?.message;
  return typeof causeMessage === 'string' && causeMessage !== ''
    ? `${message}: ${causeMessage}`
    : message;
}

/**
 * One outgoing call's CLIENT span. The client adapter ends it with the response,
 * a failure or a cancellation; whichever comes first wins, later calls do nothing,
 * and none of them throws.
 */
export class ClientCall {
  /** False for unsampled spans: then nothing needs recording. */
  readonly recording: boolean;
  /**
   * True when the call's outcome is wanted: the span records, or the duration metric
   * is measured. Otherwise ending the call does nothing, and adapters need not watch it.
   */
  readonly recordsOutcome: boolean;
  private ended = false;

  constructor(
    readonly span: Span,
    /** The context in which the span is active: the parent of what the call starts. */
    readonly context: Context,
    private readonly responseHeaders: HeaderCapture,
    private readonly duration?: ClientDuration,
  ) {
    this.recording = span.isRecording();
    this.recordsOutcome = this.recording || duration !== undefined;
  }

  /** The response headers arrived: 4xx and 5xx mark the span ERROR, as for any client. */
  end(response: ClientResponse): void {
    const { status, protocolVersion } = response;
    const errorType = status !== undefined && status >= 400 ? String(status) : undefined;
    this.finish(
      () => {
        const { span } = this;
        const { header } = response;
        if (status !== undefined) span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, status);
        if (protocolVersion !== undefined) {
          span.setAttribute(ATTR_NETWORK_PROTOCOL_VERSION, protocolVersion);
        }
        if (header !== undefined) {
          callSafely('linking the traceresponse', linkTraceResponse, span, header);
        }
        if (header !== undefined && this.responseHeaders.length > 0) {
          const attributes = {};
          captureHeaders(attributes, header, this.responseHeaders);
          span.setAttributes(attributes);
        }
        if (errorType !== undefined) {
          span.setAttribute(ATTR_ERROR_TYPE, errorType);
          span.setStatus({ code: SpanStatusCode.ERROR });
        }
      },
      status,
      errorType,
      protocolVersion,
    );
  }

  /** The call failed (network error, timeout): ERROR, the exception, a low-cardinality `error.type`. */
  fail(error: unknown): void {
    if (this.ended) return;
    // A hostile error object's getters may throw: name it safely, once, for span and metric.
    const errorType = callSafely('naming the failure', failureTypeOf, error) ?? ERROR_TYPE_OTHER;
    this.finish(
      () => {
        const { span } = this;
        recordException(span, error);
        span.setAttribute(ATTR_ERROR_TYPE, errorType);
        span.setStatus({ code: SpanStatusCode.ERROR, message: messageOf(error) });
      },
      undefined,
      errorType,
    );
  }

  /** The caller cancelled the call: not an error, so no ERROR status and no `error.type`. */
  cancel(): void {
    this.finish(() => this.span.setAttribute(ATTR_OTELWARE_ABORTED, true));
  }

  private finish(
    record: () => void,
    status?: number,
    errorType?: string,
    protocolVersion?: string,
  ): void {
    if (this.ended) return;
    this.ended = true;
    const { duration } = this;
    const endTime = duration === undefined ? undefined : monotonicNow();
    if (this.recording) {
      try {
        record();
      } catch (error) {
        reportError('recording the client response', error);
      }
    }
    if (duration !== undefined && endTime !== undefined) {
      try {
        const attributes = { ...duration.attributes };
        if (status !== undefined) attributes[ATTR_HTTP_RESPONSE_STATUS_CODE] = status;
        if (errorType !== undefined) attributes[ATTR_ERROR_TYPE] = errorType;
        if (protocolVersion !== undefined) {
          attributes[ATTR_NETWORK_PROTOCOL_VERSION] = protocolVersion;
        }
        duration.histogram.record((endTime - duration.startTime) / 1000, attributes);
      } catch (error) {
        reportError('recording the client duration', error);
      }
    }
    try {
      this.span.end(endTime);
    } catch (error) {
      reportError('ending the client span', error);
    }
  }
}
