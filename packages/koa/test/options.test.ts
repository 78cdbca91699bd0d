import Router from '@koa/router';
import { SpanStatusCode, trace } from '@opentelemetry/api';
import { ATTR_HTTP_REQUEST_METHOD } from '@opentelemetry/semantic-conventions';
import { createTestProvider, useTestTracing } from '@otelware/test-support';
import request from 'supertest';
import { tracing } from '../src';
import { koaMajors } from './frameworks';

const otel = useTestTracing();

describe.each(koaMajors)('options on Koa $major', ({ Koa }) => {
  function app(options: Parameters<typeof tracing>[0]) {
    const created = new Koa();
    created.use(tracing(options));
    const router = new Router();
    router.get('/health', (ctx) => {
      ctx.body = { up: true, active: trace.getActiveSpan() !== undefined };
    });
    router.get('/users/:id', (ctx) => {
      ctx.body = {};
    });
    created.use(router.routes());
    return created.callback();
  }

  it('creates no span for an ignored request, activates none, and still answers it', async () => {
    const target = app({ ignore: (req) => req.url === '/health' });
    const health = await request(target).get('/health').expect(200);
    expect(health.body).toEqual({ up: true, active: false });
    await request(target).get('/users/1').expect(200);
    const spans = await otel.serverSpans(1);
    expect(spans.map((span) => span.name)).toEqual(['GET /users/:id']);
  });

  it('names spans with spanName, given the request and route template', async () => {
    const target = app({ spanName: (req, route) => `${req.method} ${route ?? '?'} (custom)` });
    await request(target).get('/users/1').expect(200);
    const [span] = await otel.serverSpans();
    expect(span?.name).toBe('GET /users/:id (custom)');
  });

  it('calls requestHook with the span and request, and responseHook with the response', async () => {
    const target = app({
      requestHook: (span, req) => span.setAttribute('app.request.url', req.url ?? ''),
      responseHook: (span, res) => span.setAttribute('app.response.status', res.statusCode),
    });
    await request(target).get('/users/7?x=1').expect(200);
    const [span] = await otel.serverSpans();
    expect(span?.attributes['app.request.url']).toBe('/users/7?x=1');
    expect(span?.attributes['app.response.status']).toBe(200);
  });

  it('sends spans to the tracerProvider option instead of the global provider', async () => {
    const own = createTestProvider();
    await request(app({ tracerProvider: own.provider }))
      .get('/users/1')
      .expect(200);
    expect((await own.spans(1)).map((span) => span.name)).toEqual(['GET /users/:id']);
    expect(otel.exporter.getFinishedSpans()).toEqual([]);
  });

  it('treats methods outside the knownMethods option as _OTHER', async () => {
    await request(app({ knownMethods: ['POST'] }))
      .get('/users/1')
      .expect(200);
    const [span] = await otel.serverSpans();
    expect(span?.name).toBe('HTTP /users/:id');
    expect(span?.attributes[ATTR_HTTP_REQUEST_METHOD]).toBe('_OTHER');
    expect(span?.status.code).toBe(SpanStatusCode.UNSET);
  });

  it('redacts the query parameters named in redactQueryParams', async () => {
    await request(app({ redactQueryParams: ['token'] }))
      .get('/users/1?token=abc&Signature=kept')
      .expect(200);
    const [span] = await otel.serverSpans();
    expect(span?.attributes['url.query']).toBe('token=REDACTED&Signature=kept');
  });

  it('throws a TypeError at startup for a bad option', () => {
    expect(() => tracing({ ignore: 'health' as never })).toThrow(TypeError);
    expect(() => tracing({ ignore: 'health' as never })).toThrow(/"ignore"/);
    expect(() => tracing({ captureHeaders: { request: 'x-id' as never } })).toThrow(
      /captureHeaders\.request/,
    );
    expect(() => tracing({ tracerprovider: {} } as never)).toThrow(
      /unknown option "tracerprovider"/,
    );
  });
});
