import { diag } from '@opentelemetry/api';
import type { FastifyRequest } from 'fastify';
import { routeOf } from '../src/route-of';

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
