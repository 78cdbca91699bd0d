import { listenOnLoopback, type ServerSubject } from '@otelware/test-support';
import http from 'node:http';
import { tracing } from '../../src';
import { fastifyMajors } from '../frameworks';

/** Fastify 5 and 4 serving the reliability suites' neutral routes. */
export const fastifySubjects: ServerSubject[] = fastifyMajors.map(({ major, fastify }) => ({
  name: `Fastify ${major}`,
  scope: '@otelware/fastify',
  answersSomeRequestsBeforeHooks: true, // bad %-escapes, long params, Fastify 4's unknown methods
  async start(routes, options, serverOptions = {}) {
    const app = fastify({
      // Node's server with the suites' options (lenient parser, large headers)
      serverFactory: (handler) => http.createServer(serverOptions, handler),
    });
    if (options !== undefined) await app.register(tracing, options);
    app.all('/items/:id', async (request, reply) => {
      const { id } = request.params as { id: string };
      reply.type('text/plain');
      return routes.text(id);
    });
    app.get('/stream/:id', (request, reply) => {
      const { id } = request.params as { id: string };
      reply.type('text/plain').send(routes.stream(id));
    });
    await app.ready();
    return listenOnLoopback(app.server);
  },
}));
