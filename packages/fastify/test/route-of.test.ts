import { diag } from '@opentelemetry/api';
import type { FastifyRequest } from 'fastify';
import { routeOf, routeReader } from '../src/route-of';
import { fastifyMajors } from './frameworks';

// The request shapes of Fastify releases older than the ones installed for the other tests.
const asRequest = (fields: object) => fields as unknown as FastifyRequest;

describe('routeOf', () => {
  it('reads request.routeOptions (Fastify 5, recent 4)', () => {
    const config = { otelware: false, url: '/users/:id' };
    expect(routeOf(asRequest({ routeOptions: { url: '/users/:id', config } }))).toEqual({
      url: '/users/:id',
      config,
    });
  });

  it('reads the config from request.context where routeOptions has none (early 4.x)', () => {
    const config = { otelware: false };
    const request = asRequest({ routeOptions: { url: '/users/:id' }, context: { config } });
    expect(routeOf(request)).toEqual({ url: '/users/:id', config });
  });

  it('reads request.routerPath and request.context before routeOptions existed (before 4.10)', () => {
    const config = { otelware: false };
    const request = asRequest({ routerPath: '/users/:id', context: { config } });
    expect(routeOf(request)).toEqual({ url: '/users/:id', config });
  });

  it('gives an unknown route, reported through diag, when reading it throws', () => {
    const report = jest.spyOn(diag, 'error').mockImplementation(() => undefined);
    const request = asRequest({
      get routeOptions(): never {
        throw new Error('no route context');
      },
    });
    expect(routeOf(request)).toEqual({ url: undefined, config: undefined });
    expect(report).toHaveBeenCalledTimes(1);
    report.mockRestore();
  });
});

describe.each(fastifyMajors)('routeReader on Fastify $major', ({ fastify }) => {
  it('reads a matched route from the request’s route context, without the routeOptions getter', async () => {
    const app = fastify();
    const read = routeReader();
    const seen: unknown[] = [];
    app.addHook('onRequest', (request, _reply, done) => {
      const expected = { url: request.routeOptions.url, config: request.routeOptions.config };
      Object.defineProperty(request, 'routeOptions', {
        get(): never {
          throw new Error('routeOptions read');
        },
      });
      seen.push(read(request), expected);
      done();
    });
    await app.register(
      async (api) => {
        api.get('/users/:id', { config: { otelware: true } }, async () => 'ok');
      },
      { prefix: '/api' },
    );
    await app.ready();
    await app.inject({ method: 'GET', url: '/api/users/7' });
    const [read1, expected] = seen as [{ url: string; config: object }, { config: object }];
    expect(read1.url).toBe('/api/users/:id');
    expect(read1).toEqual(expected);
    expect(read1.config).toBe(expected.config);
    await app.close();
  });

  it('gives the not-found handler’s requests no route', async () => {
    const app = fastify();
    const read = routeReader();
    let route: unknown;
    app.addHook('onRequest', (request, _reply, done) => {
      route = read(request);
      done();
    });
    await app.ready();
    await app.inject({ method: 'GET', url: '/nowhere' });
    expect(route).toMatchObject({ url: undefined });
    await app.close();
  });
});
