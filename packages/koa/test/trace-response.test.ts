import Router from '@koa/router';
import { traceparentOf, useTestTracing } from '@otelware/test-support';
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
    router.get('/fails', async (ctx) => {
      ctx.set('Server-Timing', 'db;dur=53');
      await sleep(1);
      throw new Error('boom');
    });
    created.use(router.routes());
    return created;
  }

  it('sends no traceresponse or Server-Timing header by default', async () => {
    const response = await request(app({}).callback()).get('/users/1').expect(200);
    expect(response.headers['traceresponse']).toBeUndefined();
    expect(response.headers['server-timing']).toBeUndefined();
  });

  it("sends the SERVER span's context in traceresponse", async () => {
    const response = await request(app({ traceResponse: 'traceresponse' }).callback())
      .get('/users/1')
      .expect(200, { id: 1 });
    const [span] = await otel.serverSpans();
    expect(response.headers['traceresponse']).toBe(traceparentOf(span));
    expect(response.headers['server-timing']).toBeUndefined();
  });

  it('sends it when the body is set after an await', async () => {
    const response = await request(app({ traceResponse: 'traceresponse' }).callback())
      .get('/late')
      .expect(200, 'late');
    const [span] = await otel.serverSpans();
    expect(response.headers['traceresponse']).toBe(traceparentOf(span));
  });

  it('sends it when the body is a stream', async () => {
    const response = await request(app({ traceResponse: 'traceresponse' }).callback())
      .get('/stream')
      .expect(200, 'one,two');
    const [span] = await otel.serverSpans();
    expect(response.headers['traceresponse']).toBe(traceparentOf(span));
  });

  it('sends it on the 500 Koa answers for a thrown error, after clearing the headers', async () => {
    const response = await request(app({ traceResponse: 'traceresponse' }).callback())
      .get('/fails')
      .expect(500);
    const [span] = await otel.serverSpans();
    expect(response.headers['server-timing']).toBeUndefined(); // Koa's ctx.onerror cleared it
    expect(response.headers['traceresponse']).toBe(traceparentOf(span));
  });

  it('sends it on a 404', async () => {
    const response = await request(app({ traceResponse: 'traceresponse' }).callback())
      .get('/missing')
      .expect(404);
    const [span] = await otel.serverSpans();
    expect(response.headers['traceresponse']).toBe(traceparentOf(span));
  });

  it('sends, for an unsampled request, its own span id with the sampled flag unset', async () => {
    const callerSpanId = 'b7ad6b7169203331';
    const response = await request(app({ traceResponse: 'traceresponse' }).callback())
      .get('/users/1')
      .set('traceparent', `00-0af7651916cd43dd8448eb211c80319c-${callerSpanId}-00`)
      .expect(200);
    expect(response.headers['traceresponse']).toMatch(
      /^00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-00$/,
    );
    expect(response.headers['traceresponse']).not.toContain(callerSpanId);
    expect(await otel.spans(0)).toEqual([]);
  });

  it('sends nothing for a request the ignore option skips', async () => {
    const options = {
      traceResponse: 'traceresponse',
      ignore: (req: { url?: string }) => req.url === '/users/1',
    } as const;
    const response = await request(app(options).callback()).get('/users/1').expect(200);
    expect(response.headers['traceresponse']).toBeUndefined();
  });

  it("writes the context as a Server-Timing traceparent entry with 'server-timing'", async () => {
    const response = await request(app({ traceResponse: 'server-timing' }).callback())
      .get('/users/1')
      .expect(200);
    const [span] = await otel.serverSpans();
    expect(response.headers['server-timing']).toBe(`traceparent;desc="${traceparentOf(span)}"`);
    expect(response.headers['traceresponse']).toBeUndefined();
  });

  it("appends the entry to the app's own Server-Timing header", async () => {
    const response = await request(app({ traceResponse: 'server-timing' }).callback())
      .get('/timed')
      .expect(200, 'timed');
    const [span] = await otel.serverSpans();
    expect(response.headers['server-timing']).toBe(
      `db;dur=53, traceparent;desc="${traceparentOf(span)}"`,
    );
  });

  it('throws a TypeError at startup for a bad traceResponse value', () => {
    expect(() => tracing({ traceResponse: true as never })).toThrow(TypeError);
    expect(() => tracing({ traceResponse: 'Traceresponse' as never })).toThrow(/"traceResponse"/);
  });
});
