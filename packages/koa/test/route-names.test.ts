import Router from '@koa/router';
import { ATTR_HTTP_ROUTE } from '@opentelemetry/semantic-conventions';
import { useTestTracing } from '@otelware/test-support';
import type Koa from 'koa';
import request from 'supertest';
import { tracing } from '../src';
import { koaMajors } from './frameworks';

const otel = useTestTracing();

describe.each(koaMajors)('route templates on Koa $major', ({ Koa: KoaClass }) => {
  function app(traced = true): Koa {
    const created = new KoaClass();
    created.silent = true;
    if (traced) created.use(tracing());
    return created;
  }

  async function spanFor(target: Koa, method: 'get' | 'post' | 'put', path: string, status = 200) {
    await request(target.callback())[method](path).expect(status);
    const [span] = await otel.serverSpans();
    return { name: span?.name, route: span?.attributes[ATTR_HTTP_ROUTE] };
  }

  it('names a route by its template', async () => {
    const target = app();
    const router = new Router();
    router.get('/users/:id', (ctx) => {
      ctx.body = { id: ctx.params.id };
    });
    target.use(router.routes());
    expect(await spanFor(target, 'get', '/users/42')).toEqual({
      name: 'GET /users/:id',
      route: '/users/:id',
    });
  });

  it('includes the prefix of a router', async () => {
    const target = app();
    const router = new Router({ prefix: '/api' });
    router.get('/users/:id', (ctx) => {
      ctx.body = 'user';
    });
    target.use(router.routes());
    expect(await spanFor(target, 'get', '/api/users/7')).toEqual({
      name: 'GET /api/users/:id',
      route: '/api/users/:id',
    });
  });

  it('includes the prefix and every use() mount of nested routers', async () => {
    const target = app();
    const parent = new Router({ prefix: '/api' });
    const child = new Router();
    child.get('/users/:id', (ctx) => {
      ctx.body = 'user';
    });
    parent.use('/v1', child.routes());
    target.use(parent.routes());
    expect(await spanFor(target, 'get', '/api/v1/users/7')).toEqual({
      name: 'GET /api/v1/users/:id',
      route: '/api/v1/users/:id',
    });
  });

  it('keeps a parameterised prefix as a template, with the parameters still reaching the handler', async () => {
    const target = app();
    const tenant = new Router({ prefix: '/:tenant' });
    const child = new Router();
    child.get('/users/:id', (ctx) => {
      ctx.body = ctx.params;
    });
    tenant.use('/v1', child.routes());
    target.use(tenant.routes());
    const response = await request(target.callback()).get('/acme/v1/users/9').expect(200);
    expect(response.body).toEqual({ tenant: 'acme', id: '9' });
    const [span] = await otel.serverSpans();
    expect(span?.name).toBe('GET /:tenant/v1/users/:id');
    expect(span?.attributes[ATTR_HTTP_ROUTE]).toBe('/:tenant/v1/users/:id');
  });

  it('names the route of whichever of several routers answered', async () => {
    const target = app();
    const users = new Router({ prefix: '/users' });
    users.get('/:id', (ctx) => {
      ctx.body = 'user';
    });
    users.post('/orders/:orderId', (ctx) => {
      ctx.body = 'from users';
    });
    const orders = new Router();
    orders.get('/users/orders/:orderId', (ctx) => {
      ctx.body = 'from orders';
    });
    target.use(users.routes()).use(users.allowedMethods());
    target.use(orders.routes()).use(orders.allowedMethods());
    expect(await spanFor(target, 'get', '/users/3')).toEqual({
      name: 'GET /users/:id',
      route: '/users/:id',
    });
    otel.exporter.reset();
    // the first router matches this path for POST only: the second one answers GET
    expect(await spanFor(target, 'get', '/users/orders/5')).toEqual({
      name: 'GET /users/orders/:orderId',
      route: '/users/orders/:orderId',
    });
  });

  it('names no route for a path matched without its method (405 from allowedMethods)', async () => {
    const build = (traced: boolean) => {
      const target = app(traced);
      const router = new Router();
      router.get('/users/:id', (ctx) => {
        ctx.body = 'user';
      });
      target.use(router.routes()).use(router.allowedMethods());
      return target;
    };
    const untraced = await request(build(false).callback()).put('/users/1').expect(405);
    const traced = await request(build(true).callback()).put('/users/1').expect(405);
    expect(traced.headers.allow).toBe(untraced.headers.allow);
    expect(traced.text).toBe(untraced.text);
    const [span] = await otel.serverSpans();
    expect(span?.name).toBe('PUT');
    expect(span?.attributes).not.toHaveProperty(ATTR_HTTP_ROUTE);
  });

  it('does not take the route of an earlier router that matched the path but not the method', async () => {
    const target = app();
    const first = new Router();
    first.get('/items/:id', (ctx) => {
      ctx.body = 'item';
    });
    const second = new Router();
    second.get('/health', (ctx) => {
      ctx.body = 'up';
    });
    target.use(first.routes()).use(second.routes());
    target.use((ctx) => {
      ctx.status = 404;
      ctx.body = 'custom not found';
    });
    expect(await spanFor(target, 'post', '/items/1', 404)).toEqual({
      name: 'POST',
      route: undefined,
    });
  });

  it('names an unmatched request by its method alone and leaves the 404 unchanged', async () => {
    const build = (traced: boolean) => {
      const target = app(traced);
      const router = new Router();
      router.get('/users/:id', (ctx) => {
        ctx.body = 'user';
      });
      target.use(router.routes()).use(router.allowedMethods());
      return target;
    };
    const untraced = await request(build(false).callback()).get('/nothing/here').expect(404);
    const traced = await request(build(true).callback()).get('/nothing/here').expect(404);
    expect(traced.text).toBe(untraced.text);
    const [span] = await otel.serverSpans();
    expect(span?.name).toBe('GET');
    expect(span?.attributes).not.toHaveProperty(ATTR_HTTP_ROUTE);
    expect(span?.status).toEqual({ code: 0 });
  });

  it('keeps the route name when a router middleware runs after the route', async () => {
    const target = app();
    const router = new Router({ prefix: '/api' });
    router.get('/users/:id', async (ctx, next) => {
      await next();
      ctx.body = 'user';
    });
    router.use(async (ctx, next) => {
      ctx.set('x-after', 'yes');
      await next();
    });
    target.use(router.routes());
    expect(await spanFor(target, 'get', '/api/users/1')).toEqual({
      name: 'GET /api/users/:id',
      route: '/api/users/:id',
    });
  });

  it('keeps the route that ran when a later router matches the path for another method only', async () => {
    const target = app();
    const items = new Router();
    items.get('/items/:itemId', async (ctx, next) => {
      ctx.set('x-cache', 'miss');
      await next(); // a later middleware renders the answer
    });
    items.use(async (_ctx, next) => next()); // overwrites the router's record with its own path
    const admin = new Router();
    admin.post('/items/:id', (ctx) => {
      ctx.body = 'created';
    });
    target.use(items.routes()).use(admin.routes());
    target.use((ctx) => {
      ctx.body = 'rendered';
    });
    expect(await spanFor(target, 'get', '/items/4')).toEqual({
      name: 'GET /items/:itemId',
      route: '/items/:itemId',
    });
  });

  it('names the matched route, not the middleware path, when a router middleware answers first', async () => {
    const target = app();
    const router = new Router({ prefix: '/admin' });
    router.use((ctx) => {
      ctx.status = 401;
      ctx.body = 'log in first';
    });
    router.get('/reports/:id', (ctx) => {
      ctx.body = 'report';
    });
    target.use(router.routes());
    expect(await spanFor(target, 'get', '/admin/reports/1', 401)).toEqual({
      name: 'GET /admin/reports/:id',
      route: '/admin/reports/:id',
    });
  });

  it('names the route whose handler answered when several routes match', async () => {
    const target = app();
    const router = new Router();
    router.get('/users/:id', (ctx) => {
      ctx.body = 'by id';
    });
    router.get('/users/me', (ctx) => {
      ctx.body = 'me';
    });
    target.use(router.routes());
    const response = await request(target.callback()).get('/users/me').expect(200);
    expect(response.text).toBe('by id');
    const [span] = await otel.serverSpans();
    expect(span?.name).toBe('GET /users/:id');
  });

  it('names a HEAD request by the GET route that answers it', async () => {
    const target = app();
    const router = new Router();
    router.get('/files/:name', (ctx) => {
      ctx.body = 'content';
    });
    target.use(router.routes());
    await request(target.callback()).head('/files/a.txt').expect(200);
    const [span] = await otel.serverSpans();
    expect(span?.name).toBe('HEAD /files/:name');
  });

  it('names a route declared with an array of paths by the element that matched', async () => {
    const target = app();
    const router = new Router();
    router.get(['/photos/:id', '/pictures/:id'], (ctx) => {
      ctx.body = 'ok';
    });
    target.use(router.routes());
    expect(await spanFor(target, 'get', '/pictures/5')).toEqual({
      name: 'GET /pictures/:id',
      route: '/pictures/:id',
    });
    otel.exporter.reset();
    expect(await spanFor(target, 'get', '/photos/6')).toEqual({
      name: 'GET /photos/:id',
      route: '/photos/:id',
    });
  });

  it('names an array of paths under a prefix and a use() mount by the element that matched', async () => {
    const target = app();
    const albums = new Router();
    albums.get(['/photos/:id', '/pictures/:id'], (ctx) => {
      ctx.body = 'ok';
    });
    const api = new Router({ prefix: '/api' });
    api.use('/users/:userId', albums.routes());
    target.use(api.routes());
    expect(await spanFor(target, 'get', '/api/users/3/pictures/5')).toEqual({
      name: 'GET /api/users/:userId/pictures/:id',
      route: '/api/users/:userId/pictures/:id',
    });
  });

  it('names a router mounted on an array of paths by the mount that matched', async () => {
    const target = app();
    const albums = new Router();
    albums.get('/photos/:id', (ctx) => {
      ctx.body = 'ok';
    });
    const api = new Router();
    api.use(['/users/:userId', '/teams/:teamId'], albums.routes());
    target.use(api.routes());
    expect(await spanFor(target, 'get', '/teams/3/photos/5')).toEqual({
      name: 'GET /teams/:teamId/photos/:id',
      route: '/teams/:teamId/photos/:id',
    });
  });

  it('names an array of paths by the first element that matches when several do', async () => {
    const target = app();
    const router = new Router();
    router.get(['/items/new', '/items/:id', '/:section/:id'], (ctx) => {
      ctx.body = 'ok';
    });
    target.use(router.routes());
    expect(await spanFor(target, 'get', '/items/7')).toEqual({
      name: 'GET /items/:id',
      route: '/items/:id',
    });
  });

  it('names an array of paths by the first element that matches when a router middleware answers first', async () => {
    const target = app();
    const router = new Router();
    router.use((ctx) => {
      ctx.status = 401;
      ctx.body = 'log in first';
    });
    router.get(['/items/:id', '/:section/:id'], (ctx) => {
      ctx.body = 'item';
    });
    target.use(router.routes());
    expect(await spanFor(target, 'get', '/items/7', 401)).toEqual({
      name: 'GET /items/:id',
      route: '/items/:id',
    });
  });

  it('names an array of paths in a mounted router by the first element that matches when a router middleware answers first', async () => {
    const target = app();
    const items = new Router();
    items.get(['/items/:id', '/:section/:id'], (ctx) => {
      ctx.body = 'item';
    });
    const api = new Router();
    api.use((ctx) => {
      ctx.status = 401;
      ctx.body = 'log in first';
    });
    api.use('/v1', items.routes());
    target.use(api.routes());
    expect(await spanFor(target, 'get', '/v1/items/7', 401)).toEqual({
      name: 'GET /v1/items/:id',
      route: '/v1/items/:id',
    });
  });

  it('names a RegExp route by its source, not by the URL', async () => {
    const target = app();
    const router = new Router();
    router.get(/^\/files\/(\d+)$/, (ctx) => {
      ctx.body = 'file';
    });
    target.use(router.routes());
    expect(await spanFor(target, 'get', '/files/123')).toEqual({
      name: 'GET /^\\/files\\/(\\d+)$/',
      route: '/^\\/files\\/(\\d+)$/',
    });
  });

  it('names no route rather than a template without its prefix for a path-rewriting mount', async () => {
    const target = app();
    const router = new Router();
    router.get('/users/:id', (ctx) => {
      ctx.body = 'user';
    });
    const routes = router.routes();
    // what koa-mount does for a sub-app mounted at /admin: strip the prefix, restore it after
    target.use(async (ctx, next) => {
      if (!ctx.path.startsWith('/admin/')) return next();
      const original = ctx.path;
      ctx.path = ctx.path.slice('/admin'.length);
      await routes(ctx as never, async () => undefined);
      ctx.path = original;
    });
    expect(await spanFor(target, 'get', '/admin/users/1')).toEqual({
      name: 'GET',
      route: undefined,
    });
  });
});
