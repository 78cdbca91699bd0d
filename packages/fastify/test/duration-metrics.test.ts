import { durationMetricsSuite, useTestTracing } from '@otelware/test-support';
import { tracing } from '../src';
import { fastifyMajors } from './frameworks';

const otel = useTestTracing();

describe.each(fastifyMajors)('http.server.request.duration on Fastify $major', ({ fastify }) => {
  durationMetricsSuite(otel, {
    async serve(options) {
      const app = fastify();
      await app.register(tracing, options);
      app.get('/search/:kind', async () => []);
      app.get('/boom', async () => {
        throw new TypeError('broken');
      });
      await app.ready();
      return app.server;
    },
  });
});
