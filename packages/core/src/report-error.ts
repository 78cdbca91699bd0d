import { diag } from '@opentelemetry/api';

const reported = new Set<string>();

/**
 * Reports a failure inside otelware (or inside a user hook it called) through
 * `diag`, once per call site, so a bug costs one log line instead of one per request.
 * Never throws.
 */
export function reportError(where: string, error: unknown): void {
  if (reported.has(where)) return;
  reported.add(where);
  try {
    diag.error(`@otelware: ${where} failed; the request goes on without it`, error);
  } catch {
    // a broken diag logger must not break the app either
  }
}

/**
 * Calls `fn(...args)` and returns its result, or `undefined` when it throws (the
 * error is reported once). The guard around every user hook and SDK call.
 */
export function callSafely<Args extends unknown[], R>(
  where: string,
  fn: (...args: Args) => R,
  ...args: Args
): R | undefined {
  try {
    return fn(...args);
  } catch (error) {
    reportError(where, error);
    return undefined;
  }
}
