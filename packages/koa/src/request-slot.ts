import { objectSlot } from '@otelware/core';

/** Koa's `ctx`, kept on the raw request where the core's `resolveRoute` hook can find it. */
export const contextOfRequest = objectSlot<object>();
