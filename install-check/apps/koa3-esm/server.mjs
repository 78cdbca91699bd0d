// Koa 3, native ESM, a router nested in a router, installed with pnpm (strict node_modules).
import { memorySdk, exercise, report } from './exercise.cjs';
import Koa from 'koa';
import Router from '@koa/router';
import { tracing } from '@otelware/koa';

const exporter = memorySdk();
const app = new Koa();
app.use(tracing());
const users = new Router();
users.get('/:id', (ctx) => {
  ctx.body = { id: ctx.params.id };
});
const api = new Router({ prefix: '/api' });
api.use('/users', users.routes());
api.get('/boom', () => {
  throw new TypeError('boom');
});
app.use(api.routes()).use(api.allowedMethods());
app.silent = true; // Koa would print the error

const server = app.listen(0, '127.0.0.1', async () => {
  const responses = await exercise(`http://127.0.0.1:${server.address().port}`);
  await report(responses, exporter);
  server.close();
});
