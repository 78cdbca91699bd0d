/** `tracing(app, options)` takes exactly the core's options, passed on to the Express or Fastify adapter. */
export type { TracingOptions, HttpRequest, HttpResponse, CaptureHeaders } from '@otelware/core';
