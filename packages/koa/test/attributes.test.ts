import Router from '@koa/router';
import { attributesSuite, useTestTracing } from '@otelware/test-support';
import { tracing } from '../src';
import { koaMajors } from './frameworks';

const otel = useTestTracing();

describe.each(koaMajors)('attributes on Koa $major', ({ Koa }) => {
  attributesSuite(otel, {
    scope: '@otelware/koa',
    unknownMethodStatus: 501, // allowedMethods(): a method no route implements
    serve(options) {
      const app = new Koa();
      app.use(tracing(options));
      const router = new Router();
      router.get('/search/:kind', (ctx) => {
        ctx.body = [];
      });
      router.get('/', (ctx) => {
        ctx.body = 'ok';
      });
      app.use(router.routes()).use(router.allowedMethods());
      return app.callback();
    },
  });
});
