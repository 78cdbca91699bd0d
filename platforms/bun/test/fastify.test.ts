import { tracing } from '@otelware/fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import { describe } from 'bun:test';
import { useSdk } from './sdk';
import type { Served } from './serve';
import { loadUser, order, readBody, serverSuite, slow } from './server-suite';

const sdk = useSdk();

/** The suite's routes, in a plugin registered under the `/api` prefix. */
async function api(app: FastifyInstance): Promise<void> {
  // Fastify's documented way to read the raw request stream: a content-type parser
  app.addContentTypeParser('application/octet-stream', (_request, payload, done) => {
    readBody(payload).then((body) => done(null, body), done);
  });
  app.get('/slow', async () => slow());
  app.post('/echo', async (request) => request.body);
  app.get<{ Params: { id: string } }>('/users/:id', async (request, reply) => {
    const { id } = request.params;
    if (id === 'unknown') return reply.code(404).send({ error: 'no such user' });
    return loadUser(id, request.headers.traceparent as string | undefined);
  });
  app.get('/boom', async () => {
    throw new TypeError('boom');
  });
  app.get('/unavailable', async (_request, reply) => reply.code(503).send('try later'));
  app.get<{ Params: { id: string }; Querystring: { via: string } }>(
    '/orders/:id',
    async (request) => order(request.params.id, request.query.via),
  );
}

/** The suite's app on Fastify 5, with the README's registration: tracing first, awaited. */
async function start(): Promise<Served> {
  const app = Fastify();
  await app.register(tracing);
  await app.register(api, { prefix: '/api' });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { url, close: () => app.close() };
}

describe('Fastify 5 under Bun', () => {
  serverSuite(sdk, { scope: '@otelware/fastify', start });
});
