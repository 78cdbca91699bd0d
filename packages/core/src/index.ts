export { ServerTracer } from './server-tracer';
export type { AdapterHooks, InstrumentationScope } from './server-tracer';
export { RequestTrace } from './request-trace';
export type { ClosableResponse } from './request-trace';
export { reportError, callSafely } from './report-error';
export { DEFAULT_KNOWN_METHODS, OTHER_METHOD } from './known-methods';
export { DEFAULT_REDACTED_QUERY_PARAMS, REDACTED } from './redact-query';
export { ATTR_OTELWARE_ABORTED } from './attribute-names';
export type {
  CaptureHeaders,
  HttpHeaders,
  HttpRequest,
  HttpResponse,
  TracingOptions,
} from './types';
