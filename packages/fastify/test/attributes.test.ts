import { attributesSuite, useTestTracing } from '@otelware/test-support';
import { tracing } from '../src';
import { fastifyMajors } from './frameworks';

const otel = useTestTracing();

describe.each(fastifyMajors)('attributes on Fastify $major', ({ fastify }) => {
  attributesSuite(otel, {
    scope: '@otelware/fastify',
    unknownMethodStatus: 404, // Fastify answers a method it has no route for with 404
    async serve(options) {
      const app = fastify();
      await app.register(tracing, options ?? {});
      app.get('/search/:kind', async () => []);
      app.get('/', async () => 'ok');
      await app.ready();
      return app.server;
    },
  });
});
