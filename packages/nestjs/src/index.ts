export { tracing } from './tracing';
export type { TracingOptions, CaptureHeaders, HttpRequest, HttpResponse } from '@otelware/core';
