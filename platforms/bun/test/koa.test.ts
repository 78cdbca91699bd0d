import Router from '@koa/router';
import { tracing } from '@otelware/koa';
import Koa from 'koa';
import { describe } from 'bun:test';
import { useSdk } from './sdk';
import { serveNode } from './serve';
import { loadUser, order, readBody, serverSuite, slow } from './server-suite';

const sdk = useSdk();

/** The suite's app on Koa 3 with @koa/router, with the README's mounting: tracing first. */
function createApp(): Koa {
  const app = new Koa();
  app.silent = true; // Koa would print the thrown TypeError
  app.use(tracing());
  const router = new Router({ prefix: '/api' });
  router.get('/users/:id', async (ctx) => {
    const { id } = ctx.params as { id: string };
    if (id === 'unknown') {
      ctx.status = 404;
      ctx.body = { error: 'no such user' };
      return;
    }
    ctx.body = await loadUser(id, ctx.get('traceparent') || undefined);
  });
  router.get('/boom', () => {
    throw new TypeError('boom');
  });
  router.get('/unavailable', (ctx) => {
    ctx.status = 503;
    ctx.body = 'try later';
  });
  router.get('/orders/:id', async (ctx) => {
    ctx.body = await order((ctx.params as { id: string }).id, String(ctx.query.via));
  });
  router.get('/slow', async (ctx) => {
    ctx.body = await slow();
  });
  router.post('/echo', async (ctx) => {
    ctx.body = await readBody(ctx.req);
  });
  app.use(router.routes()).use(router.allowedMethods());
  return app;
}

describe('Koa 3 under Bun', () => {
  serverSuite(sdk, { scope: '@otelware/koa', start: () => serveNode(createApp().callback()) });
});
