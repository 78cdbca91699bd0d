import { objectSlot, type RequestTrace } from '@otelware/core';

/** The request's trace, kept on Fastify's `request` where the later hooks find it. */
export const traceOfRequest = objectSlot<RequestTrace>();
