import { throwingHooksSuite, useTestTracing } from '@otelware/test-support';
import { tracing } from '../src';
import { fastifyMajors } from './frameworks';

const otel = useTestTracing();

describe.each(fastifyMajors)('tracing never breaks a Fastify $major app', ({ fastify }) => {
  throwingHooksSuite(otel, {
    serve: async (options) => {
      const app = fastify();
      if (options !== undefined) await app.register(tracing, options);
      app.post('/items/:id', async (req, reply) => {
        void reply.code(201).header('x-item', (req.params as { id: string }).id);
        return { got: req.body };
      });
      app.get('/fail', async () => {
        throw new Error('app failure');
      });
      app.setErrorHandler((error, _request, reply) => {
        void reply.code(500).send({ error: (error as Error).message });
      });
      await app.ready();
      return { target: app.server, inject: (injected) => app.inject(injected) };
    },
    // the injected POST leaves a span too
    spanNames: ['GET /fail', 'POST /items/:id', 'POST /items/:id'],
  });
});
