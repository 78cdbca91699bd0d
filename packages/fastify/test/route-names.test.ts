import { SpanStatusCode } from '@opentelemetry/api';
import { ATTR_HTTP_ROUTE } from '@opentelemetry/semantic-conventions';
import { useTestTracing } from '@otelware/test-support';
import type { FastifyInstance, FastifyPluginCallback } from 'fastify';
import request from 'supertest';
import { tracing } from '../src';
import { fastifyMajors } from './frameworks';

const otel = useTestTracing();
const ok = async () => ({ ok: true });

describe.each(fastifyMajors)('route templates on Fastify $major', ({ fastify }) => {
  async function app(): Promise<FastifyInstance> {
    const created = fastify();
    await created.register(tracing);
    return created;
  }

  async function spanFor(
    target: FastifyInstance,
    method: 'get' | 'post',
    path: string,
    status = 200,
  ) {
    await target.ready();
    await request(target.server)[method](path).expect(status);
    const [span] = await otel.serverSpans();
    return { name: span?.name, route: span?.attributes[ATTR_HTTP_ROUTE] };
  }

  it('names a plain route by its template', async () => {
    const target = await app();
    target.get('/users/:id', ok);
    expect(await spanFor(target, 'get', '/users/42')).toEqual({
      name: 'GET /users/:id',
      route: '/users/:id',
    });
  });

  it('includes the prefix of a plugin registered with one', async () => {
    const target = await app();
    const users: FastifyPluginCallback = (instance, _opts, done) => {
      instance.get('/users/:id', ok);
      done();
    };
    await target.register(users, { prefix: '/api' });
    expect(await spanFor(target, 'get', '/api/users/7')).toEqual({
      name: 'GET /api/users/:id',
      route: '/api/users/:id',
    });
  });

  it('includes every level of nested prefixes', async () => {
    const target = await app();
    await target.register(
      async (api) => {
        await api.register(
          async (v1) => {
            v1.get('/users/:id', ok);
          },
          { prefix: '/v1' },
        );
      },
      { prefix: '/api' },
    );
    expect(await spanFor(target, 'get', '/api/v1/users/7')).toEqual({
      name: 'GET /api/v1/users/:id',
      route: '/api/v1/users/:id',
    });
  });

  it('names a wildcard route by its pattern', async () => {
    const target = await app();
    await target.register(
      async (assets) => {
        assets.get('/*', ok);
      },
      { prefix: '/assets' },
    );
    expect(await spanFor(target, 'get', '/assets/css/site.css')).toEqual({
      name: 'GET /assets/*',
      route: '/assets/*',
    });
  });

  it('names each method of a route declared with url and a method array by its url', async () => {
    const target = await app();
    target.route({ method: ['GET', 'POST'], url: '/items/:id', handler: ok });
    expect(await spanFor(target, 'post', '/items/3')).toEqual({
      name: 'POST /items/:id',
      route: '/items/:id',
    });
    otel.exporter.reset();
    expect(await spanFor(target, 'get', '/items/4')).toEqual({
      name: 'GET /items/:id',
      route: '/items/:id',
    });
  });

  it('names a request the default not-found handler answers by its method alone', async () => {
    const target = await app();
    target.get('/users/:id', ok);
    await target.ready();
    const traced = await request(target.server).get('/nothing/here').expect(404);
    const bare = fastify();
    bare.get('/users/:id', ok);
    await bare.ready();
    const untraced = await request(bare.server).get('/nothing/here').expect(404);
    expect(traced.body).toEqual(untraced.body);
    const [span] = await otel.serverSpans();
    expect(span?.name).toBe('GET');
    expect(span?.attributes).not.toHaveProperty(ATTR_HTTP_ROUTE);
    expect(span?.status).toEqual({ code: SpanStatusCode.UNSET });
  });

  it('names a request a custom not-found handler answers by its method alone', async () => {
    const target = await app();
    await target.register(
      async (api) => {
        api.get('/users/:id', ok);
        api.setNotFoundHandler(async (_request, reply) => reply.code(404).send('no such API'));
      },
      { prefix: '/api' },
    );
    expect(await spanFor(target, 'get', '/api/unknown/1', 404)).toEqual({
      name: 'GET',
      route: undefined,
    });
  });
});
