'use strict';
// Fastify 5, CommonJS, the routes in a plugin under a prefix; one round over a socket, then the
// same requests through inject() must record the same spans.
const { exercise, report, memorySdk } = require('./exercise.cjs');

const exporter = memorySdk();
const Fastify = require('fastify');
const { tracing } = require('@otelware/fastify');

async function api(app) {
  app.get('/users/:id', async (request) => ({ id: request.params.id }));
  app.get('/boom', async () => {
    throw new TypeError('boom');
  });
}

async function main() {
  const app = Fastify();
  await app.register(tracing);
  await app.register(api, { prefix: '/api' });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  await report(await exercise(url), exporter);
  exporter.reset();
  // inject(): Fastify's in-process requests (light-my-request), traced the same
  const users = await app.inject({
    url: '/api/users/42',
    headers: { traceparent: process.env.CHECK_TRACEPARENT },
  });
  const boom = await app.inject({ url: '/api/boom' });
  await report({ users: users.statusCode, usersBody: users.body, boom: boom.statusCode }, exporter);
  await app.close();
}

main();
