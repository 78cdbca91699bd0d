import { SpanStatusCode, trace } from '@opentelemetry/api';
import { ATTR_HTTP_REQUEST_METHOD, ATTR_URL_QUERY } from '@opentelemetry/semantic-conventions';
import { createTestProvider, useTestTracing } from '@otelware/test-support';
import request from 'supertest';
import { tracing, type TracingOptions } from '../src';
import { fastifyMajors } from './frameworks';

const otel = useTestTracing();

describe.each(fastifyMajors)('options on Fastify $major', ({ fastify }) => {
  async function app(options: TracingOptions = {}) {
    const created = fastify();
    await created.register(tracing, options);
    created.get('/health', async () => 'up');
    created.get('/users/:id', async () => ({}));
    created.get('/metrics', { config: { otelware: false } }, async () => ({
      active: trace.getActiveSpan() !== undefined,
    }));
    await created.ready();
    return created;
  }

  it('creates no span for an ignored request and still answers it', async () => {
    const target = await app({ ignore: (req) => req.url === '/health' });
    await request(target.server).get('/health').expect(200, 'up');
    await request(target.server).get('/users/1').expect(200);
    const spans = await otel.serverSpans(1);
    expect(spans.map((span) => span.name)).toEqual(['GET /users/:id']);
  });

  it('creates no span for a route whose config says otelware: false, and still answers it', async () => {
    const target = await app();
    await request(target.server).get('/metrics').expect(200, { active: false });
    await request(target.server).get('/users/1').expect(200);
    const spans = await otel.serverSpans(1);
    expect(spans.map((span) => span.name)).toEqual(['GET /users/:id']);
  });

  it('does not call ignore for a route that opted out', async () => {
    const ignore = jest.fn(() => false);
    const target = await app({ ignore });
    await request(target.server).get('/metrics').expect(200);
    expect(ignore).not.toHaveBeenCalled();
  });

  it('names spans with spanName, given the raw request and the route template', async () => {
    const target = await app({
      spanName: (req, route) => `${req.method} ${route ?? '?'} (custom)`,
    });
    await request(target.server).get('/users/1').expect(200);
    const [span] = await otel.serverSpans();
    expect(span?.name).toBe('GET /users/:id (custom)');
  });

  it('calls requestHook with the span and request, and responseHook with the response', async () => {
    const target = await app({
      requestHook: (span, req) => span.setAttribute('app.request.url', req.url ?? ''),
      responseHook: (span, res) => span.setAttribute('app.response.status', res.statusCode),
    });
    await request(target.server).get('/users/7?x=1').expect(200);
    const [span] = await otel.serverSpans();
    expect(span?.attributes['app.request.url']).toBe('/users/7?x=1');
    expect(span?.attributes['app.response.status']).toBe(200);
  });

  it('sends spans to the tracerProvider option instead of the global provider', async () => {
    const own = createTestProvider();
    const target = await app({ tracerProvider: own.provider });
    await request(target.server).get('/users/1').expect(200);
    expect((await own.spans(1)).map((span) => span.name)).toEqual(['GET /users/:id']);
    expect(otel.exporter.getFinishedSpans()).toEqual([]);
  });

  it('treats methods outside the knownMethods option as _OTHER', async () => {
    const target = await app({ knownMethods: ['POST'] });
    await request(target.server).get('/users/1').expect(200);
    const [span] = await otel.serverSpans();
    expect(span?.name).toBe('HTTP /users/:id');
    expect(span?.attributes[ATTR_HTTP_REQUEST_METHOD]).toBe('_OTHER');
    expect(span?.status.code).toBe(SpanStatusCode.UNSET);
  });

  it('redacts the query parameters named in redactQueryParams', async () => {
    const target = await app({ redactQueryParams: ['token'] });
    await request(target.server).get('/users/1?token=abc&Signature=kept').expect(200);
    const [span] = await otel.serverSpans();
    expect(span?.attributes[ATTR_URL_QUERY]).toBe('token=REDACTED&Signature=kept');
  });

  it('starts when registered twice, each registration with its own options and span', async () => {
    const twice = fastify();
    await twice.register(tracing, { spanName: () => 'outer' });
    await twice.register(tracing, { spanName: () => 'inner' });
    twice.get('/users/:id', async () => ({}));
    await twice.ready();
    await request(twice.server).get('/users/1').expect(200);
    const spans = await otel.serverSpans(2);
    expect(spans.map((span) => span.name).sort()).toEqual(['inner', 'outer']);
    await twice.close();
  });

  it('ignores the register options Fastify itself reads (prefix, logLevel)', async () => {
    const target = fastify();
    await target.register(tracing, {
      prefix: '/ignored',
      logLevel: 'warn',
      ignore: (req) => req.url === '/health',
    });
    target.get('/health', async () => 'up');
    target.get('/users/:id', async () => ({}));
    await target.ready();
    await request(target.server).get('/health').expect(200, 'up');
    await request(target.server).get('/users/1').expect(200);
    const spans = await otel.serverSpans(1);
    expect(spans.map((span) => span.name)).toEqual(['GET /users/:id']);
  });

  it('throws a TypeError at registration for a bad option', async () => {
    const register = (options: unknown) => fastify().register(tracing, options as TracingOptions);
    await expect(register({ ignore: 'health' })).rejects.toThrow(TypeError);
    await expect(register({ ignore: 'health' })).rejects.toThrow(/"ignore"/);
    await expect(register({ captureHeaders: { request: 'x-id' } })).rejects.toThrow(
      /captureHeaders\.request/,
    );
    await expect(register({ tracerprovider: {} })).rejects.toThrow(
      /unknown option "tracerprovider"/,
    );
  });
});

describe.each(fastifyMajors)('the plugin on Fastify $major', ({ fastify }) => {
  it('is not encapsulated: it traces the routes of the app and of its plugins', async () => {
    const app = fastify();
    await app.register(tracing);
    app.get('/', async () => 'root');
    await app.register(
      async (users) => {
        users.get('/:id', async () => ({}));
      },
      { prefix: '/users' },
    );
    await app.ready();
    await request(app.server).get('/').expect(200);
    await request(app.server).get('/users/1').expect(200);
    const spans = await otel.serverSpans(2);
    expect(spans.map((span) => span.name).sort()).toEqual(['GET /', 'GET /users/:id']);
  });

  it('carries the markers fastify-plugin would set, so Fastify knows it by name', async () => {
    const markers = tracing as unknown as Record<symbol, unknown>;
    expect(markers[Symbol.for('skip-override')]).toBe(true);
    expect(markers[Symbol.for('fastify.display-name')]).toBe('@otelware/fastify');
    expect(markers[Symbol.for('plugin-meta')]).toEqual({
      name: '@otelware/fastify',
      fastify: '4.x || 5.x',
    });
    const app = fastify();
    await app.register(tracing);
    expect(app.hasPlugin('@otelware/fastify')).toBe(true);
  });

  it('traces routes declared before it was registered', async () => {
    const app = fastify();
    app.get('/early/:id', async () => 'early');
    await app.register(tracing);
    await app.ready();
    await request(app.server).get('/early/1').expect(200, 'early');
    const [span] = await otel.serverSpans();
    expect(span?.name).toBe('GET /early/:id');
  });
});
