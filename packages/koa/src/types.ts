/** The Koa adapter takes exactly the core's options. */
export type { TracingOptions, HttpRequest, HttpResponse, CaptureHeaders } from '@otelware/core';
