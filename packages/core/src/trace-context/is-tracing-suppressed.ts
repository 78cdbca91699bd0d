import { createContextKey, type Context } from '@opentelemetry/api';

// The key `suppressTracing()` of @opentelemetry/core sets, e.g. around an
// exporter's own requests. createContextKey uses Symbol.for, so the same
// description gives the same key without depending on the SDK.
const SUPPRESS_TRACING = createContextKey('OpenTelemetry SDK Context Key SUPPRESS_TRACING');

/** Whether the SDK asked that nothing be traced (nor propagated) in `context`. */
export function isTracingSuppressed(context: Context): boolean {
  return context.getValue(SUPPRESS_TRACING) === true;
}
