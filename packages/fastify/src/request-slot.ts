import type { HttpResponse, RequestTrace } from '@otelware/core';

const TRACE_OF_REQUEST = Symbol('otelware.fastify.requestTrace');

type Slot = { [TRACE_OF_REQUEST]?: RequestTrace };

/** Keeps the request's trace on Fastify's `request`, where the later hooks find it. */
export function attachTrace(request: object, requestTrace: RequestTrace): void {
  (request as Slot)[TRACE_OF_REQUEST] = requestTrace;
}

/** Reports an error the app raised for `request` to its trace, if it has one. */
export function noteError(request: object, error: unknown): void {
  (request as Slot)[TRACE_OF_REQUEST]?.recordError(error);
}

/** Ends the trace of `request`, if it has one, with a response that finished. */
export function endTrace(request: object, response: HttpResponse): void {
  (request as Slot)[TRACE_OF_REQUEST]?.end(response);
}
