import Router from '@koa/router';
import { durationMetricsSuite, useTestTracing } from '@otelware/test-support';
import { tracing } from '../src';
import { koaMajors } from './frameworks';

const otel = useTestTracing();

describe.each(koaMajors)('http.server.request.duration on Koa $major', ({ Koa }) => {
  durationMetricsSuite(otel, {
    serve(options) {
      const app = new Koa();
      app.silent = true; // Koa's own 500 for the thrown error, without printing it
      app.use(tracing(options));
      const router = new Router();
      router.get('/search/:kind', (ctx) => {
        ctx.body = [];
      });
      router.get('/boom', () => {
        throw new TypeError('broken');
      });
      app.use(router.routes()).use(router.allowedMethods());
      return app.callback();
    },
  });
});
