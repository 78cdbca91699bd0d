import type { Span } from '@opentelemetry/api';
import { callSafely, type ClientCall } from '@otelware/core/adapter';

interface ResponseLike {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
}

function isResponseLike(value: unknown): value is ResponseLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ResponseLike).status === 'number' &&
    typeof (value as ResponseLike).headers?.get === 'function'
  );
}

/** Ends the span when the response headers arrived; the body is the caller's. */
export function settleResponse(
  call: ClientCall,
  response: unknown,
  responseHook: ((span: Span, response: Response) => void) | undefined,
): void {
  if (!isResponseLike(response)) return call.end({ status: undefined });
  if (responseHook !== undefined && call.recording) {
    callSafely('the responseHook option', responseHook, call.span, response as Response);
  }
  const { headers } = response;
  call.end({ status: response.status, header: (name) => headers.get(name) });
}

function isTimeout(reason: unknown): boolean {
  return (reason as { name?: unknown } | null | undefined)?.name === 'TimeoutError';
}

/**
 * Ends the span of a call that rejected: the caller's own abort is a cancellation,
 * not an error; a timeout (`AbortSignal.timeout`) and every other failure are.
 */
export function settleFailure(
  call: ClientCall,
  error: unknown,
  signal: AbortSignal | null | undefined,
): void {
  if (signal?.aborted === true && !isTimeout(signal.reason)) call.cancel();
  else call.fail(error);
}
