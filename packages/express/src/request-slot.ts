import type { RequestTrace } from '@otelware/core';

const TRACE_OF_REQUEST = Symbol('otelware.express.requestTrace');

type Slot = { [TRACE_OF_REQUEST]?: RequestTrace };

/** Keeps the request's trace on `req`, where error handlers can find it. */
export function attachTrace(req: object, requestTrace: RequestTrace): void {
  (req as Slot)[TRACE_OF_REQUEST] = requestTrace;
}

/** Reports an error the app raised for `req` to its trace, if it has one. */
export function noteError(req: unknown, error: unknown): void {
  if (typeof req === 'object' && req !== null) (req as Slot)[TRACE_OF_REQUEST]?.recordError(error);
}
