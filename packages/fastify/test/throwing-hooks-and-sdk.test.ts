import { diag } from '@opentelemetry/api';
import {
  brokenHook,
  providerThrowingIn,
  throwingTracerProvider,
  useTestTracing,
} from '@otelware/test-support';
import request from 'supertest';
import { tracing, type TracingOptions } from '../src';
import { fastifyMajors } from './frameworks';

const otel = useTestTracing();

describe.each(fastifyMajors)('tracing never breaks a Fastify $major app', ({ fastify }) => {
  async function build(options?: TracingOptions) {
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
    return app;
  }

  async function exchange(app: Awaited<ReturnType<typeof build>>) {
    const created = await request(app.server).post('/items/5?q=1').send({ name: 'tea' });
    const failed = await request(app.server).get('/fail');
    const injected = await app.inject({ method: 'POST', url: '/items/6', payload: { a: 1 } });
    const strip = (headers: Record<string, unknown>) => {
      const { date: _date, ...rest } = headers;
      return rest;
    };
    return [
      ...[created, failed].map((r) => ({
        status: r.status,
        headers: strip(r.headers),
        body: r.text,
      })),
      { status: injected.statusCode, headers: strip(injected.headers), body: injected.body },
    ];
  }

  // otelware reports its own failures through diag
  beforeAll(() => jest.spyOn(diag, 'error').mockImplementation(() => undefined));
  afterAll(() => jest.restoreAllMocks());

  it('answers byte-for-byte as untraced when every hook throws', async () => {
    const untraced = await exchange(await build());
    const traced = await exchange(
      await build({
        ignore: brokenHook,
        spanName: brokenHook,
        requestHook: brokenHook,
        responseHook: brokenHook,
      }),
    );
    expect(traced).toEqual(untraced);
    const spans = await otel.serverSpans(3);
    expect(spans.map((span) => span.name).sort()).toEqual([
      'GET /fail',
      'POST /items/:id',
      'POST /items/:id',
    ]);
  });

  it('answers byte-for-byte as untraced when the tracer provider throws on startSpan', async () => {
    const untraced = await exchange(await build());
    const traced = await exchange(await build({ tracerProvider: throwingTracerProvider }));
    expect(traced).toEqual(untraced);
    expect(otel.exporter.getFinishedSpans()).toEqual([]);
  });

  it.each(['onStart', 'onEnd'] as const)(
    'answers byte-for-byte as untraced when a span processor throws in %s',
    async (hook) => {
      const untraced = await exchange(await build());
      const traced = await exchange(await build({ tracerProvider: providerThrowingIn(hook) }));
      expect(traced).toEqual(untraced);
    },
  );
});
