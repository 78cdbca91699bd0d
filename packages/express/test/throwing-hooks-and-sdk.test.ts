import { diag } from '@opentelemetry/api';
import {
  brokenHook,
  providerThrowingIn,
  throwingTracerProvider,
  useTestTracing,
} from '@otelware/test-support';
import type { NextFunction, Request, Response } from 'express';
import request from 'supertest';
import { tracing } from '../src';
import { expressMajors } from './frameworks';

const otel = useTestTracing();

describe.each(expressMajors)('tracing never breaks an Express $major app', ({ express }) => {
  function build(middleware?: ReturnType<typeof tracing>) {
    const app = express();
    if (middleware) app.use(middleware);
    app.use(express.json());
    app.post('/items/:id', (req: Request, res: Response) => {
      res.status(201).set('x-item', String(req.params.id)).json({ got: req.body });
    });
    app.get('/fail', (_req: Request, _res: Response, next: NextFunction) => {
      next(new Error('app failure'));
    });
    app.use((err: Error, _req: Request, res: Response, _next: NextFunction) => {
      res.status(500).json({ error: err.message });
    });
    return app;
  }

  async function exchange(app: ReturnType<typeof build>) {
    const created = await request(app).post('/items/5?q=1').send({ name: 'tea' });
    const failed = await request(app).get('/fail');
    const strip = (headers: Record<string, string>) => {
      const { date: _date, ...rest } = headers;
      return rest;
    };
    return [created, failed].map((r) => ({
      status: r.status,
      headers: strip(r.headers),
      body: r.text,
    }));
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
    const spans = await otel.serverSpans(2);
    expect(spans.map((span) => span.name).sort()).toEqual(['GET /fail', 'POST /items/:id']);
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
