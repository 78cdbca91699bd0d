import Router from '@koa/router';
import { trace } from '@opentelemetry/api';
import { AlwaysOffSampler, ParentBasedSampler } from '@opentelemetry/sdk-trace';
import { createTestProvider, useTestTracing } from '@otelware/test-support';
import type Koa from 'koa';
import request from 'supertest';
import { tracing } from '../src';
import { koaMajors } from './frameworks';

useTestTracing(); // context manager and propagators; spans go to per-test providers

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';

/** What a handler sees of the active span and of the listeners on the request and response. */
function describeRequest(ctx: Koa.Context) {
  const span = trace.getActiveSpan();
  return {
    traceId: span?.spanContext().traceId,
    sampled: span?.spanContext().traceFlags,
    recording: span?.isRecording(),
    closeListeners: ctx.res.listenerCount('close'),
    koaSlots: Object.getOwnPropertySymbols(ctx.req)
      .map((symbol) => symbol.description)
      .filter((description) => description?.startsWith('otelware.koa')),
  };
}

describe.each(koaMajors)('unsampled requests on Koa $major', ({ Koa: KoaClass }) => {
  function app(middleware?: Koa.Middleware) {
    const created = new KoaClass();
    if (middleware !== undefined) created.use(middleware);
    const router = new Router();
    router.get('/', (ctx) => {
      ctx.body = describeRequest(ctx);
    });
    created.use(router.routes());
    return created.callback();
  }

  function tracedApp(provider: ReturnType<typeof createTestProvider>) {
    return app(
      tracing({
        tracerProvider: provider.provider,
        requestHook: () => {
          throw new Error('requestHook must not run for an unsampled span');
        },
      }),
    );
  }

  it('records nothing but still carries the incoming trace and its unsampled decision', async () => {
    const sdk = createTestProvider(new ParentBasedSampler({ root: new AlwaysOffSampler() }));
    const response = await request(tracedApp(sdk))
      .get('/')
      .set('traceparent', `00-${TRACE_ID}-00f067aa0ba902b7-00`)
      .expect(200);
    expect(response.body).toMatchObject({ traceId: TRACE_ID, sampled: 0, recording: false });
    expect(await sdk.spans(0)).toEqual([]);
  });

  it('adds no response listener and keeps nothing on the request for a span that is not recording', async () => {
    const sdk = createTestProvider(new AlwaysOffSampler());
    const traced = await request(tracedApp(sdk)).get('/').expect(200);
    const untraced = await request(app()).get('/').expect(200);
    expect(traced.body.closeListeners).toBe(untraced.body.closeListeners);
    expect(traced.body.recording).toBe(false);
    expect(traced.body.koaSlots).toEqual([]);
  });

  it('passes the error of an unsampled request on to Koa unchanged', async () => {
    const sdk = createTestProvider(new AlwaysOffSampler());
    const koa = new KoaClass();
    const failure = new Error('handler failed');
    const emitted: unknown[] = [];
    koa.on('error', (error: unknown) => emitted.push(error));
    koa.use(tracing({ tracerProvider: sdk.provider }));
    koa.use(() => {
      throw failure;
    });
    await request(koa.callback()).get('/').expect(500);
    expect(emitted).toEqual([failure]);
    expect(emitted[0]).toBe(failure);
    expect(await sdk.spans(0)).toEqual([]);
  });
});
