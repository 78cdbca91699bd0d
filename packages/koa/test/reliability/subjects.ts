import Router from '@koa/router';
import { listenOnLoopback, type ServerSubject } from '@otelware/test-support';
import http from 'node:http';
import { tracing } from '../../src';
import { koaMajors } from '../frameworks';

/** Koa 3 and 2 with @koa/router, serving the reliability suites' neutral routes. */
export const koaSubjects: ServerSubject[] = koaMajors.map(({ major, Koa }) => ({
  name: `Koa ${major}`,
  scope: '@otelware/koa',
  start(routes, options, serverOptions = {}) {
    const app = new Koa();
    app.silent = true; // the app's own errors (bad %-escapes) are answered, not logged
    if (options !== undefined) app.use(tracing(options));
    const router = new Router();
    router.all('/items/:id', async (ctx) => {
      ctx.type = 'text/plain';
      ctx.body = await routes.text(String(ctx.params['id']));
    });
    router.get('/stream/:id', (ctx) => {
      ctx.type = 'text/plain';
      ctx.body = routes.stream(String(ctx.params['id']));
    });
    app.use(router.routes());
    return listenOnLoopback(http.createServer(serverOptions, app.callback()));
  },
}));
