import { context } from '@opentelemetry/api';
import { tracing } from '@otelware/fastify';
import Fastify from 'fastify';
import type { AddressInfo } from 'node:net';
import { startFloorSpan } from '../floor';
import { logRequest } from '../request-log';
import type { AppTracing } from '../variant';

/**
 * The benchmark app on Fastify 5: its built-in JSON body parser, a logging hook
 * pair, `/api` → `/users` prefixed plugins.
 */
export async function startFastify(mounted: AppTracing): Promise<number> {
  const app = Fastify({ logger: false });
  if (mounted === 'otelware') await app.register(tracing);
  if (mounted === 'floor') {
    app.addHook('onRequest', (request, reply, done) => {
      context.with(startFloorSpan(request.raw, reply.raw), done);
    });
  }
  app.addHook('onRequest', (request, _reply, done) => {
    (request as { startedAt?: number }).startedAt = performance.now();
    done();
  });
  app.addHook('onResponse', (request, _reply, done) => {
    logRequest((request as { startedAt?: number }).startedAt ?? performance.now());
    done();
  });
  await app.register(
    async (api) => {
      await api.register(
        async (users) => {
          users.get<{ Params: { id: string } }>('/:id', async (request) => ({
            id: request.params.id,
            name: 'Ada Lovelace',
            roles: ['admin'],
          }));
        },
        { prefix: '/users' },
      );
    },
    { prefix: '/api' },
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  return (app.server.address() as AddressInfo).port;
}
