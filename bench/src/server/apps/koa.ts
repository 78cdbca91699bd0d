import { bodyParser } from '@koa/bodyparser';
import Router from '@koa/router';
import { context } from '@opentelemetry/api';
import { tracing } from '@otelware/koa';
import Koa from 'koa';
import type { AddressInfo } from 'node:net';
import { startFloorSpan } from '../floor';
import { logRequest } from '../request-log';
import type { AppTracing } from '../variant';

/** The benchmark app on Koa 3: JSON body parser, a logging middleware, `/api` router nesting `/users`. */
export async function startKoa(mounted: AppTracing): Promise<number> {
  const app = new Koa();
  if (mounted === 'otelware') app.use(tracing());
  if (mounted === 'floor')
    app.use((ctx, next) => context.with(startFloorSpan(ctx.req, ctx.res), next));
  app.use(bodyParser());
  app.use(async (_ctx, next) => {
    const startedAt = performance.now();
    await next();
    logRequest(startedAt);
  });
  const users = new Router();
  users.get('/:id', (ctx) => {
    ctx.body = { id: ctx.params.id, name: 'Ada Lovelace', roles: ['admin'] };
  });
  const api = new Router({ prefix: '/api' });
  api.use('/users', users.routes());
  app.use(api.routes()).use(api.allowedMethods());

  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return (server.address() as AddressInfo).port;
}
