import { diag } from '@opentelemetry/api';

/**
 * Reports a failure inside `@otelware/node` through `diag.error`: the one guard of this
 * package's start-up, flushes and waterfall, so telemetry that fails never fails the app.
 * Never throws, even from a broken diag logger. (Core's `reportError` speaks of a request
 * and reports a call site once; these failures are neither.)
 */
export function reportFailure(message: string, error: unknown): void {
  try {
    diag.error(`@otelware/node: ${message}`, error);
  } catch {
    // a broken diag logger must not break the app either
  }
}
