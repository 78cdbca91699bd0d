import { context, trace } from '@opentelemetry/api';
import { postInLaterPacket, spanTree, useTestTracing } from '@otelware/test-support';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { tracing } from '../src';
import { fastifyMajors } from './frameworks';

const otel = useTestTracing();
const activeSpanId = () => trace.getActiveSpan()?.spanContext().spanId;

describe.each(fastifyMajors)('the active span on Fastify $major', ({ fastify }) => {
  /**
   * An app whose route records the active span in an async and a callback-style
   * preValidation and preHandler hook and in the handler, for GET and POST.
   */
  async function recordingApp(seen: Record<string, string | undefined>): Promise<FastifyInstance> {
    const app = fastify();
    await app.register(tracing);
    const note = (key: string) => (seen[key] = activeSpanId());
    app.route({
      method: ['GET', 'POST'],
      url: '/orders/:id',
      preParsing: async () => {
        note('preParsing');
      },
      preValidation: [
        async () => {
          await new Promise((resolve) => setTimeout(resolve, 1));
          note('async preValidation');
        },
        (_request: FastifyRequest, _reply: FastifyReply, done: () => void) => {
          setTimeout(() => {
            note('callback preValidation');
            done();
          }, 1);
        },
      ],
      preHandler: [
        async () => {
          note('async preHandler');
        },
        (_request: FastifyRequest, _reply: FastifyReply, done: () => void) => {
          setImmediate(() => {
            note('callback preHandler');
            done();
          });
        },
      ],
      onSend: (_request: FastifyRequest, _reply: FastifyReply, payload: unknown, done) => {
        note('onSend');
        done(null, payload);
      },
      handler: async (req) => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        note('handler');
        return { body: req.body ?? null };
      },
    });
    await app.ready();
    return app;
  }

  const places = [
    'preParsing',
    'async preValidation',
    'callback preValidation',
    'async preHandler',
    'callback preHandler',
    'handler',
    'onSend',
  ];

  async function expectServerSpanIn(seen: Record<string, string | undefined>): Promise<void> {
    const [span] = await otel.serverSpans();
    const spanId = span?.spanContext().spanId;
    expect(spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(seen).toEqual(Object.fromEntries(places.map((place) => [place, spanId])));
  }

  it('is the server span in preParsing, preValidation and preHandler hooks (async and callback), the handler and onSend', async () => {
    const seen: Record<string, string | undefined> = {};
    const app = await recordingApp(seen);
    await request(app.server).get('/orders/1').expect(200, { body: null });
    await expectServerSpanIn(seen);
  });

  it('is the server span in every hook and the handler of a request with a JSON body', async () => {
    const seen: Record<string, string | undefined> = {};
    const app = await recordingApp(seen);
    await request(app.server)
      .post('/orders/1')
      .send({ item: 'tea' })
      .expect(200, {
        body: { item: 'tea' },
      });
    await expectServerSpanIn(seen);
  });

  it('is the server span everywhere for a body that arrives after the headers', async () => {
    const seen: Record<string, string | undefined> = {};
    const app = await recordingApp(seen);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    try {
      expect(JSON.parse(await postInLaterPacket(port, '/orders/2', '{"item":"tea"}'))).toEqual({
        body: { item: 'tea' },
      });
    } finally {
      await app.close();
    }
    await expectServerSpanIn(seen);
  });

  it('is the server span everywhere for app.inject() requests, with and without a body', async () => {
    const seen: Record<string, string | undefined> = {};
    const app = await recordingApp(seen);
    const response = await app.inject({ method: 'POST', url: '/orders/3', payload: { a: 1 } });
    expect(response.json()).toEqual({ body: { a: 1 } });
    await expectServerSpanIn(seen);
    otel.exporter.reset();
    await app.inject({ method: 'GET', url: '/orders/4' });
    await expectServerSpanIn(seen);
  });

  it('stays active in request stream listeners of a route that reads the raw body', async () => {
    const app = fastify();
    await app.register(tracing);
    app.addContentTypeParser('text/plain', (_request, _payload, done) => done(null, undefined));
    let active: string | undefined;
    app.post('/notes', (req, reply) => {
      const chunks: Buffer[] = [];
      req.raw.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.raw.on('end', () => {
        active = activeSpanId();
        reply.code(201).type('text/plain').send(Buffer.concat(chunks).toString());
      });
    });
    await app.ready();
    await request(app.server)
      .post('/notes')
      .type('text')
      .send('short note')
      .expect(201, 'short note');
    const [span] = await otel.serverSpans();
    expect(active).toBe(span?.spanContext().spanId);
  });

  it('makes spans started in a hook and in the handler children of the server span', async () => {
    const app = fastify();
    await app.register(tracing);
    const tracer = trace.getTracer('test');
    app.get(
      '/report',
      {
        preHandler: async () => {
          tracer.startSpan('check access').end();
        },
      },
      async () => {
        await tracer.startActiveSpan('load report', async (span) => {
          await new Promise((resolve) => setTimeout(resolve, 2));
          span.end();
        });
        return 'done';
      },
    );
    await app.ready();
    await request(app.server).get('/report').expect(200, 'done');
    const spans = await otel.spans(3);
    expect(spanTree(spans)).toEqual([
      'GET /report <- (root)',
      'check access <- GET /report',
      'load report <- GET /report',
    ]);
    expect(new Set(spans.map((span) => span.spanContext().traceId)).size).toBe(1);
  });

  it('leaves no span active once the request is over', async () => {
    const app = fastify();
    await app.register(tracing);
    app.get('/', async () => 'ok');
    await app.ready();
    await request(app.server).get('/').expect(200);
    expect(trace.getSpan(context.active())).toBeUndefined();
  });
});
