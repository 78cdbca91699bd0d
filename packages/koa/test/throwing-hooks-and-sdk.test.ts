import Router from '@koa/router';
import { diag } from '@opentelemetry/api';
import {
  brokenHook,
  providerThrowingIn,
  throwingTracerProvider,
  useTestTracing,
} from '@otelware/test-support';
import request from 'supertest';
import { tracing } from '../src';
import { koaMajors } from './frameworks';

const otel = useTestTracing();

describe.each(koaMajors)('tracing never breaks a Koa $major app', ({ Koa }) => {
  function build(middleware?: ReturnType<typeof tracing>) {
    const app = new Koa();
    app.silent = true;
    if (middleware) app.use(middleware);
    const router = new Router();
    router.post('/items/:id', async (ctx) => {
      const chunks: Buffer[] = [];
      for await (const chunk of ctx.req) chunks.push(chunk as Buffer);
      ctx.status = 201;
      ctx.set('x-item', ctx.params.id ?? '');
      ctx.body = { got: Buffer.concat(chunks).toString() };
    });
    router.get('/fail', () => {
      throw new Error('app failure');
    });
    router.get('/missing', (ctx) => {
      ctx.throw(404, 'no such thing');
    });
    app.use(router.routes()).use(router.allowedMethods());
    return app.callback();
  }

  async function exchange(app: ReturnType<typeof build>) {
    const responses = [
      await request(app).post('/items/5?q=1').send({ name: 'tea' }),
      await request(app).get('/fail'),
      await request(app).get('/missing'),
      await request(app).delete('/items/5'),
    ];
    return responses.map((r) => {
      const { date: _date, ...headers } = r.headers as Record<string, string>;
      return { status: r.status, headers, body: r.text };
    });
  }

  // otelware reports its own failures through diag
  beforeAll(() => jest.spyOn(diag, 'error').mockImplementation(() => undefined));
  afterAll(() => jest.restoreAllMocks());

  it('answers byte-for-byte as untraced when every hook throws', async () => {
    const untraced = await exchange(build());
    const traced = await exchange(
      build(
        tracing({
          ignore: brokenHook,
          spanName: brokenHook,
          requestHook: brokenHook,
          responseHook: brokenHook,
        }),
      ),
    );
    expect(traced).toEqual(untraced);
    const spans = await otel.serverSpans(4);
    expect(spans.map((span) => span.name).sort()).toEqual([
      'DELETE',
      'GET /fail',
      'GET /missing',
      'POST /items/:id',
    ]);
  });

  it('answers byte-for-byte as untraced when the tracer provider throws on startSpan', async () => {
    const untraced = await exchange(build());
    const traced = await exchange(build(tracing({ tracerProvider: throwingTracerProvider })));
    expect(traced).toEqual(untraced);
    expect(otel.exporter.getFinishedSpans()).toEqual([]);
  });

  it.each(['onStart', 'onEnd'] as const)(
    'answers byte-for-byte as untraced when a span processor throws in %s',
    async (hook) => {
      const untraced = await exchange(build());
      const traced = await exchange(build(tracing({ tracerProvider: providerThrowingIn(hook) })));
      expect(traced).toEqual(untraced);
    },
  );
});
