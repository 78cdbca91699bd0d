import { objectSlot, type RequestTrace } from '@otelware/core';

/** The request's trace, kept on `req` where the wrapped error handlers find it. */
export const traceOfRequest = objectSlot<RequestTrace>();
