export { endOpenRequests } from './open-requests';
export { DEFAULT_KNOWN_METHODS, OTHER_METHOD } from './known-methods';
export { DEFAULT_REDACTED_QUERY_PARAMS, REDACTED } from './redact';
export { ATTR_OTELWARE_ABORTED, MAX_ATTRIBUTE_LENGTH } from './attributes';
export type {
  CaptureHeaders,
  HttpHeaders,
  HttpRequest,
  HttpResponse,
  HttpTracingOptions,
  TracingOptions,
} from './types';
export type { TraceResponseFormat } from './trace-context/trace-response';
export { TraceContextPropagator } from './trace-context/trace-context-propagator';
export type { TraceContextPropagatorOptions } from './trace-context/trace-context-propagator';
export { createW3CTraceState } from './trace-context/tracestate';
export { RANDOM_TRACE_ID_FLAG } from './trace-context/traceparent';
export { MAX_TRACESTATE_LENGTH } from './trace-context/serialize-within-limit';
