import type { RequestTrace } from '@otelware/core';

const TRACE_OF_REQUEST = Symbol('otelware.fastify.requestTrace');

type Slot = { [TRACE_OF_REQUEST]?: RequestTrace };

/** Keeps the request's trace on Fastify's `request`, where the later hooks find it. */
export function attachTrace(request: object, requestTrace: RequestTrace): void {
  (request as Slot)[TRACE_OF_REQUEST] = requestTrace;
}

/** The trace of `request`: `undefined` when it is not recording, ignored or opted out. */
export function traceOf(request: object): RequestTrace | undefined {
  return (request as Slot)[TRACE_OF_REQUEST];
}
