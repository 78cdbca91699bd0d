// Every package's public API as an app would use it, type-checked under strict settings with
// `nodenext` (as ESM) and with `bundler` resolution; the check runs `tsc --noEmit` on both.
import '@otelware/node/start';
import { type NodeTracingOptions, createTracerProvider, start } from '@otelware/node';
import type { TracingOptions as CoreOptions } from '@otelware/core';
import { ServerTracer } from '@otelware/core/adapter';
import { tracing as expressTracing, type TracingOptions } from '@otelware/express';
import { tracing as fastifyTracing } from '@otelware/fastify';
import { instrumentFetch, wrapFetch } from '@otelware/fetch';
import { tracing as koaTracing } from '@otelware/koa';
import Router from '@koa/router';
import express from 'express';
import Fastify from 'fastify';
import Koa from 'koa';

const nodeOptions: NodeTracingOptions = { serviceName: 'typed' };
const handle = start(nodeOptions);
const orders = createTracerProvider({ serviceName: 'orders' });

const options: TracingOptions = { tracerProvider: orders, ignore: (req) => req.url === '/health' };
const app = express();
app.use(expressTracing(options));
app.get('/users/:id', (req, res) => {
  res.json({ id: req.params.id });
});

const koa = new Koa();
koa.use(koaTracing({ spanName: (req, route) => `${req.method ?? 'GET'} ${route ?? 'unmatched'}` }));
const router = new Router();
router.get('/users/:id', (ctx) => {
  ctx.body = { id: ctx.params.id };
});
koa.use(router.routes());

const fastify = Fastify();
await fastify.register(fastifyTracing, { captureHeaders: { request: ['x-request-id'] } });
fastify.get('/metrics', { config: { otelware: false } }, async () => 'ok');

const tracedFetch: typeof fetch = wrapFetch(fetch);
const uninstrument: () => void = instrumentFetch();
uninstrument();

const coreOptions: CoreOptions = {};
const tracer = new ServerTracer(coreOptions, { name: 'typed', version: '1.0.0' });

export { handle, tracedFetch, tracer };
