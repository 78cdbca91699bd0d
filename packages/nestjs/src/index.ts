export { tracing } from './tracing';
export type { TracingOptions, HttpRequest, HttpResponse, CaptureHeaders } from './types';
