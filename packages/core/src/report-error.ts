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
 * Calls `fn(a, b)` and returns its result, or `undefined` when it throws (the
 * error is reported once). The guard around every user hook and SDK call.
 */
export function callSafely<A, B, R>(
  where: string,
  fn: (a: A, b: B) => R,
  a: A,
  b: B,
): R | undefined {
  try {
    return fn(a, b);
  } catch (error) {
    reportError(where, error);
    return undefined;
  }
}
