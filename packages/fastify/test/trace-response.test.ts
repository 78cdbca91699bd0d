import { traceparentOf, traceResponseSuite, useTestTracing } from '@otelware/test-support';
import { Readable } from 'node:stream';
import request from 'supertest';
import { tracing, type TracingOptions } from '../src';
import { fastifyMajors } from './frameworks';

const otel = useTestTracing();

describe.each(fastifyMajors)('the traceResponse option on Fastify $major', ({ fastify }) => {
  const started: Array<{ close(): Promise<unknown> }> = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((instance) => instance.close()));
  });

  async function app(options: TracingOptions) {
    const created = fastify();
    started.push(created);
    await created.register(tracing, options);
    created.get('/users/:id', async () => ({ id: 1 }));
    created.get('/health', { config: { otelware: false } }, async () => 'up');
    created.get('/stream', (_request, reply) => {
      reply.type('text/plain').send(Readable.from(['one,', 'two']));
    });
    created.get('/hijacked', (_request, reply) => {
      reply.hijack();
      reply.raw.writeHead(200, { 'content-type': 'text/plain' });
      reply.raw.write('by ');
      setImmediate(() => reply.raw.end('hand'));
    });
    created.get('/timed', async (_request, reply) => {
      reply.header('Server-Timing', 'db;dur=53');
      return 'timed';
    });
    created.get('/fails', async () => {
      throw new Error('boom');
    });
    await created.ready();
    return created;
  }

  traceResponseSuite(otel, {
    serve: async (options) => (await app(options)).server,
    start: (options) => fastify().register(tracing, options as TracingOptions),
  });

  it('sends it after reply.hijack(), when the handler writes the head to reply.raw', async () => {
    const response = await request((await app({ traceResponse: 'traceresponse' })).server)
      .get('/hijacked')
      .expect(200, 'by hand');
    const [span] = await otel.serverSpans();
    expect(response.headers['traceresponse']).toBe(traceparentOf(span));
  });

  it('sends it on a response to inject()', async () => {
    const target = await app({ traceResponse: 'traceresponse' });
    const response = await target.inject({ method: 'GET', url: '/users/1' });
    expect(response.statusCode).toBe(200);
    const [span] = await otel.serverSpans();
    expect(response.headers['traceresponse']).toBe(traceparentOf(span));
  });

  it('sends nothing for a route with config: { otelware: false }', async () => {
    const response = await request((await app({ traceResponse: 'traceresponse' })).server)
      .get('/health')
      .expect(200, 'up');
    expect(response.headers['traceresponse']).toBeUndefined();
  });
});
