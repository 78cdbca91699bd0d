import { trace } from '@opentelemetry/api';
import { tracing } from '@otelware/fastify';
import Fastify, { type FastifyInstance } from 'fastify';

const tracer = trace.getTracer('example-fastify');

/** A small shop API: a prefixed plugin, a parameterised route, a failing route, a health check. */
export async function createApp(): Promise<FastifyInstance> {
  const app = Fastify();
  await app.register(tracing); // the one line: every request gets a SERVER span

  // not traced: the route opts out through its config
  app.get('/health', { config: { otelware: false } }, async () => 'ok');

  await app.register(
    async (api) => {
      api.get<{ Params: { id: string } }>('/users/:id', async (request) => {
        // a span of our own: a child of the request's span, no plumbing needed
        return tracer.startActiveSpan('load user', async (span) => {
          await new Promise((resolve) => setTimeout(resolve, 5));
          span.end();
          return { id: request.params.id, name: 'Ada' };
        });
      });
      api.post('/orders', async (request, reply) => {
        return reply.code(201).send({ ordered: request.body });
      });
      api.get('/fail', async () => {
        throw new Error('the database is on fire');
      });
    },
    { prefix: '/api' },
  );
  return app;
}
