export { tracing, recordError } from './tracing';
export type { TracingPlugin } from './types';
export type { TracingOptions, CaptureHeaders, HttpRequest, HttpResponse } from '@otelware/core';
