import Router from '@koa/router';
import { trace } from '@opentelemetry/api';
import { tracing } from '@otelware/koa';
import Koa from 'koa';

const tracer = trace.getTracer('example-koa');

/** A small shop API: a prefixed router with a nested one, a parameterised route, failing routes. */
export function createApp(): Koa {
  const app = new Koa();
  app.use(tracing()); // the one line: every request gets a SERVER span
  app.on('error', (error: Error) => console.log(`  (app error listener: ${error.message})`));

  const users = new Router();
  users.get('/:id', async (ctx) => {
    // a span of our own: a child of the request's span, no plumbing needed
    ctx.body = await tracer.startActiveSpan('load user', async (span) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      span.end();
      return { id: ctx.params.id, name: 'Ada' };
    });
  });

  const api = new Router({ prefix: '/api' });
  api.use('/users', users.routes());
  api.post('/orders', async (ctx) => {
    let body = '';
    for await (const chunk of ctx.req) body += String(chunk);
    ctx.status = 201;
    ctx.body = { ordered: JSON.parse(body) };
  });
  api.get('/orders/:id', (ctx) => {
    ctx.throw(404, `no order ${ctx.params.id}`);
  });
  api.get('/fail', () => {
    throw new Error('the database is on fire');
  });
  app.use(api.routes()).use(api.allowedMethods());
  return app;
}
