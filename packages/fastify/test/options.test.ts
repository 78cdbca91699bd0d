import { trace } from '@opentelemetry/api';
import { optionsSuite, useTestTracing } from '@otelware/test-support';
import request from 'supertest';
import { tracing, type TracingOptions } from '../src';
import { fastifyMajors } from './frameworks';

const otel = useTestTracing();

describe.each(fastifyMajors)('options on Fastify $major', ({ fastify }) => {
  async function app(options: TracingOptions = {}, health: () => unknown = () => 'up') {
    const created = fastify();
    await created.register(tracing, options);
    created.get('/health', async () => health());
    created.get('/users/:id', async () => ({}));
    created.get('/metrics', { config: { otelware: false } }, async () => ({
      active: trace.getActiveSpan() !== undefined,
    }));
    await created.ready();
    return created.server;
  }

  optionsSuite(otel, {
    serve: app,
    start: (options) => fastify().register(tracing, options as TracingOptions),
  });

  it('creates no span for a route whose config says otelware: false, and still answers it', async () => {
    const target = await app();
    await request(target).get('/metrics').expect(200, { active: false });
    await request(target).get('/users/1').expect(200);
    const spans = await otel.serverSpans(1);
    expect(spans.map((span) => span.name)).toEqual(['GET /users/:id']);
  });

  it('does not call ignore for a route that opted out', async () => {
    const ignore = jest.fn(() => false);
    const target = await app({ ignore });
    await request(target).get('/metrics').expect(200);
    expect(ignore).not.toHaveBeenCalled();
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
