import Router from '@koa/router';
import { throwingHooksSuite, useTestTracing } from '@otelware/test-support';
import { tracing } from '../src';
import { koaMajors } from './frameworks';

const otel = useTestTracing();

describe.each(koaMajors)('tracing never breaks a Koa $major app', ({ Koa }) => {
  throwingHooksSuite(otel, {
    serve: (options) => {
      const app = new Koa();
      app.silent = true;
      if (options !== undefined) app.use(tracing(options));
      const router = new Router();
      router.post('/items/:id', async (ctx) => {
        const chunks: Buffer[] = [];
        for await (const chunk of ctx.req) chunks.push(chunk as Buffer);
        ctx.status = 201;
        ctx.set('x-item', ctx.params.id ?? '');
        ctx.body = { got: Buffer.concat(chunks).toString() };
      });
      router.get('/fail', () => {
        throw new Error('app failure');
      });
      router.get('/missing', (ctx) => {
        ctx.throw(404, 'no such thing');
      });
      app.use(router.routes()).use(router.allowedMethods());
      return { target: app.callback() };
    },
    // an HTTP error a route throws, and a method the router answers 405 to
    moreRequests: [
      ['get', '/missing'],
      ['delete', '/items/5'],
    ],
    spanNames: ['DELETE', 'GET /fail', 'GET /missing', 'POST /items/:id'],
  });
});
