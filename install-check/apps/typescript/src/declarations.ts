// Our own declaration files, checked too (skipLibCheck off), under nodenext. @otelware/koa is
// left out: @types/koa 3 itself fails this check today (content-disposition's `Options`).
export type * as core from '@otelware/core';
export type * as coreAdapter from '@otelware/core/adapter';
export type * as express from '@otelware/express';
export type * as fastify from '@otelware/fastify';
export type * as fetch from '@otelware/fetch';
export type * as node from '@otelware/node';
