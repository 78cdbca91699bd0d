import Router from '@koa/router';
import { trace } from '@opentelemetry/api';
import request from 'supertest';
import { tracing } from '../src';
import { koaMajors } from './frameworks';

// No SDK is registered in this file: @opentelemetry/api alone is a no-op.

describe.each(koaMajors)('Koa $major with no OpenTelemetry SDK registered', ({ Koa }) => {
  it('answers as usual, adds no listener, keeps nothing on the request, activates no span', async () => {
    const traced = new Koa();
    traced.use(tracing());
    const bare = new Koa();
    for (const app of [traced, bare]) {
      const router = new Router();
      router.get('/users/:id', (ctx) => {
        ctx.body = {
          id: ctx.params.id,
          active: trace.getActiveSpan() !== undefined,
          closeListeners: ctx.res.listenerCount('close'),
          requestSymbols: Object.getOwnPropertySymbols(ctx.req).length,
          emit: ctx.req.emit === Object.getPrototypeOf(ctx.req).emit,
        };
      });
      app.use(router.routes());
    }
    const fromTraced = await request(traced.callback()).get('/users/3').expect(200);
    const fromBare = await request(bare.callback()).get('/users/3').expect(200);
    expect(fromTraced.body).toEqual(fromBare.body);
    expect(fromTraced.body.active).toBe(false);
  });

  it('sends no traceresponse header with traceResponse on: there is no span', async () => {
    const traced = new Koa();
    traced.use(tracing({ traceResponse: 'traceresponse' }));
    traced.use((ctx) => {
      ctx.body = 'up';
    });
    const response = await request(traced.callback())
      .get('/users/3')
      .set('traceparent', '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01')
      .expect(200, 'up');
    expect(response.headers['traceresponse']).toBeUndefined();
  });
});
