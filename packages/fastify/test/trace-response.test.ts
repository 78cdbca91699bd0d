import { traceparentOf, useTestTracing } from '@otelware/test-support';
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

  it('sends no traceresponse or Server-Timing header by default', async () => {
    const response = await request((await app({})).server)
      .get('/users/1')
      .expect(200);
    expect(response.headers['traceresponse']).toBeUndefined();
    expect(response.headers['server-timing']).toBeUndefined();
  });

  it("sends the SERVER span's context in traceresponse", async () => {
    const response = await request((await app({ traceResponse: 'traceresponse' })).server)
      .get('/users/1')
      .expect(200, { id: 1 });
    const [span] = await otel.serverSpans();
    expect(response.headers['traceresponse']).toBe(traceparentOf(span));
    expect(response.headers['server-timing']).toBeUndefined();
  });

  it('sends it on a streamed reply', async () => {
    const response = await request((await app({ traceResponse: 'traceresponse' })).server)
      .get('/stream')
      .expect(200, 'one,two');
    const [span] = await otel.serverSpans();
    expect(response.headers['traceresponse']).toBe(traceparentOf(span));
  });

  it('sends it after reply.hijack(), when the handler writes the head to reply.raw', async () => {
    const response = await request((await app({ traceResponse: 'traceresponse' })).server)
      .get('/hijacked')
      .expect(200, 'by hand');
    const [span] = await otel.serverSpans();
    expect(response.headers['traceresponse']).toBe(traceparentOf(span));
  });

  it('sends it on the 500 Fastify answers for a thrown error', async () => {
    const response = await request((await app({ traceResponse: 'traceresponse' })).server)
      .get('/fails')
      .expect(500);
    const [span] = await otel.serverSpans();
    expect(response.headers['traceresponse']).toBe(traceparentOf(span));
  });

  it('sends it on a 404', async () => {
    const response = await request((await app({ traceResponse: 'traceresponse' })).server)
      .get('/missing')
      .expect(404);
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

  it('sends, for an unsampled request, its own span id with the sampled flag unset', async () => {
    const callerSpanId = 'b7ad6b7169203331';
    const response = await request((await app({ traceResponse: 'traceresponse' })).server)
      .get('/users/1')
      .set('traceparent', `00-0af7651916cd43dd8448eb211c80319c-${callerSpanId}-00`)
      .expect(200);
    expect(response.headers['traceresponse']).toMatch(
      /^00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-00$/,
    );
    expect(response.headers['traceresponse']).not.toContain(callerSpanId);
    expect(await otel.spans(0)).toEqual([]);
  });

  it('sends nothing for a request the ignore option skips', async () => {
    const target = await app({
      traceResponse: 'traceresponse',
      ignore: (req) => req.url === '/users/1',
    });
    const response = await request(target.server).get('/users/1').expect(200);
    expect(response.headers['traceresponse']).toBeUndefined();
  });

  it('sends nothing for a route with config: { otelware: false }', async () => {
    const response = await request((await app({ traceResponse: 'traceresponse' })).server)
      .get('/health')
      .expect(200, 'up');
    expect(response.headers['traceresponse']).toBeUndefined();
  });

  it("writes the context as a Server-Timing traceparent entry with 'server-timing'", async () => {
    const response = await request((await app({ traceResponse: 'server-timing' })).server)
      .get('/users/1')
      .expect(200);
    const [span] = await otel.serverSpans();
    expect(response.headers['server-timing']).toBe(`traceparent;desc="${traceparentOf(span)}"`);
    expect(response.headers['traceresponse']).toBeUndefined();
  });

  it('appends the entry to the Server-Timing header the app set with reply.header()', async () => {
    const response = await request((await app({ traceResponse: 'server-timing' })).server)
      .get('/timed')
      .expect(200, 'timed');
    const [span] = await otel.serverSpans();
    expect(response.headers['server-timing']).toBe(
      `db;dur=53, traceparent;desc="${traceparentOf(span)}"`,
    );
  });

  it('throws a TypeError at registration for a bad traceResponse value', async () => {
    const register = (options: unknown) => fastify().register(tracing, options as TracingOptions);
    await expect(register({ traceResponse: true })).rejects.toThrow(TypeError);
    await expect(register({ traceResponse: 'Traceresponse' })).rejects.toThrow(/"traceResponse"/);
  });
});
