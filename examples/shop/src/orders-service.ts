import Router from '@koa/router';
import type { TracerProvider } from '@opentelemetry/api';
import { wrapFetch } from '@otelware/fetch';
import { tracing } from '@otelware/koa';
import Koa from 'koa';
import { listenLocally, type RunningService } from './running-service';
import { UpstreamError } from './upstream-error';

const ORDERS: Record<string, { id: string; userId: string; items: string[] }> = {
  '1001': { id: '1001', userId: '7', items: ['tea', 'scones'] },
  '1002': { id: '1002', userId: '8', items: ['coffee'] },
  '1003': { id: '1003', userId: '13', items: ['cake'] },
};

/** The orders service, on Koa with @koa/router: `GET /orders/:id`, with its customer from users. */
export function startOrdersService(
  tracerProvider: TracerProvider,
  usersUrl: string,
): Promise<RunningService> {
  const app = new Koa();
  app.silent = true; // the trace shows the failure; no stack trace on stderr
  app.use(tracing({ tracerProvider }));
  const tracedFetch = wrapFetch(fetch, { tracerProvider });

  const router = new Router();
  router.get('/orders/:id', async (ctx) => {
    const order = ORDERS[ctx.params.id ?? ''];
    if (order === undefined) {
      ctx.status = 404;
      ctx.body = { error: `no order ${ctx.params.id}` };
      return;
    }
    const customer = await tracedFetch(`${usersUrl}/users/${order.userId}`);
    if (!customer.ok) throw new UpstreamError('users', customer.status);
    ctx.body = { ...order, customer: await customer.json() };
  });
  app.use(router.routes()).use(router.allowedMethods());
  return listenLocally(app.listen(0, '127.0.0.1'));
}
