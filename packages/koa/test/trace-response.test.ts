import Router from '@koa/router';
import { traceparentOf, traceResponseSuite, useTestTracing } from '@otelware/test-support';
import { Readable } from 'node:stream';
import request from 'supertest';
import { tracing } from '../src';
import { koaMajors } from './frameworks';

const otel = useTestTracing();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(koaMajors)('the traceResponse option on Koa $major', ({ Koa }) => {
  function app(options: Parameters<typeof tracing>[0]) {
    const created = new Koa();
    created.silent = true;
    created.use(tracing(options));
    const router = new Router();
    router.get('/users/:id', (ctx) => {
      ctx.body = { id: 1 };
    });
    router.get('/late', async (ctx) => {
      await sleep(5);
      ctx.body = 'late';
    });
    router.get('/stream', (ctx) => {
      ctx.type = 'text/plain';
      ctx.body = Readable.from(['one,', 'two']);
    });
    router.get('/timed', (ctx) => {
      ctx.set('Server-Timing', 'db;dur=53');
      ctx.body = 'timed';
    });
    // Koa's ctx.onerror clears the headers set before the error, then answers 500
    router.get('/fails', async (ctx) => {
      ctx.set('Server-Timing', 'db;dur=53');
      await sleep(1);
      throw new Error('boom');
    });
    created.use(router.routes());
    return created.callback();
  }

  traceResponseSuite(otel, {
    serve: app,
    start: (options) => tracing(options as Parameters<typeof tracing>[0]),
  });

  it('sends it when the body is set after an await', async () => {
    const response = await request(app({ traceResponse: 'traceresponse' }))
      .get('/late')
      .expect(200, 'late');
    const [span] = await otel.serverSpans();
    expect(response.headers['traceresponse']).toBe(traceparentOf(span));
  });
});
