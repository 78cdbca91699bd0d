export { ServerTracer } from './server-tracer';
export { endOpenRequests } from './open-requests';
export type { AdapterHooks } from './server-tracer';
export type { InstrumentationScope } from './tracer-lookup';
export { RequestTrace } from './request-trace';
export type { ClosableResponse } from './request-trace';
export type { ContextEmitter } from './run-emitter-in-context';
export { ClientTracer } from './client-tracer';
export type { ClientTracingOptions } from './client-tracer';
export { ClientCall } from './client-call';
export type { ClientResponse } from './client-call';
export type { HeaderReader } from './capture-headers';
export type { HeaderWritingResponse, TraceResponseFormat } from './trace-response';
export { checkFunction, checkOptionNames, checkPropagator, optionError } from './option-checks';
export { objectSlot } from './object-slot';
export type { ObjectSlot } from './object-slot';
export { reportError, callSafely } from './report-error';
export { DEFAULT_KNOWN_METHODS, OTHER_METHOD } from './known-methods';
export { DEFAULT_REDACTED_QUERY_PARAMS, REDACTED } from './redact';
export { ATTR_OTELWARE_ABORTED, MAX_ATTRIBUTE_LENGTH } from './attributes';
export { formatPath, type RoutePath } from './route-template';
export type {
  CaptureHeaders,
  HttpHeaders,
  HttpRequest,
  HttpResponse,
  TracingOptions,
} from './types';
export { TraceContextPropagator } from './trace-context/trace-context-propagator';
export type { TraceContextPropagatorOptions } from './trace-context/trace-context-propagator';
export { createW3CTraceState } from './trace-context/create-w3c-trace-state';
export { RANDOM_TRACE_ID_FLAG } from './trace-context/trace-flags';
export { MAX_TRACESTATE_LENGTH } from './trace-context/serialize-within-limit';
