import Router from '@koa/router';
import { optionsSuite, useTestTracing } from '@otelware/test-support';
import { tracing } from '../src';
import { koaMajors } from './frameworks';

const otel = useTestTracing();

describe.each(koaMajors)('options on Koa $major', ({ Koa }) => {
  optionsSuite(otel, {
    serve(options, health) {
      const app = new Koa();
      app.use(tracing(options));
      const router = new Router();
      router.get('/health', (ctx) => {
        ctx.body = health();
      });
      router.get('/users/:id', (ctx) => {
        ctx.body = {};
      });
      app.use(router.routes());
      return app.callback();
    },
    start: (options) => tracing(options as Parameters<typeof tracing>[0]),
  });
});
