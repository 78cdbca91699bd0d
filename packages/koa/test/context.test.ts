import Router from '@koa/router';
import { context, trace } from '@opentelemetry/api';
import { postInLaterPacket, spanTree, useTestTracing } from '@otelware/test-support';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { tracing } from '../src';
import { koaMajors } from './frameworks';

const otel = useTestTracing();

describe.each(koaMajors)('the active span on Koa $major', ({ Koa }) => {
  function app() {
    const created = new Koa();
    created.use(tracing());
    return created;
  }

  it('is the server span in every later middleware and handler, also after awaits', async () => {
    const target = app();
    const seen: Array<string | undefined> = [];
    const record = () => seen.push(trace.getActiveSpan()?.spanContext().spanId);
    target.use(async (_ctx, next) => {
      record();
      await next();
      record();
    });
    const router = new Router({ prefix: '/api' });
    router.use(async (_ctx, next) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      record();
      await next();
    });
    router.get('/users/:id', async (ctx) => {
      record();
      await new Promise((resolve) => setImmediate(resolve));
      record();
      ctx.body = {};
    });
    target.use(router.routes());
    await request(target.callback()).get('/api/users/1').expect(200);
    const [span] = await otel.serverSpans();
    expect(seen).toEqual([1, 2, 3, 4, 5].map(() => span?.spanContext().spanId));
  });

  it('stays active in request stream listeners for a body that arrives after the headers', async () => {
    const target = app();
    let active: string | undefined;
    const router = new Router();
    router.post('/orders', async (ctx) => {
      ctx.status = 201;
      ctx.type = 'json';
      ctx.body = await new Promise<string>((resolve) => {
        let text = '';
        ctx.req.on('data', (chunk: Buffer) => (text += chunk.toString()));
        ctx.req.on('end', () => {
          active = trace.getActiveSpan()?.spanContext().spanId;
          resolve(text);
        });
      });
    });
    target.use(router.routes());
    const server = http.createServer(target.callback()).listen(0);
    const { port } = server.address() as AddressInfo;
    try {
      expect(JSON.parse(await postInLaterPacket(port, '/orders', '{"item":"tea"}'))).toEqual({
        item: 'tea',
      });
    } finally {
      server.close();
    }
    const [span] = await otel.serverSpans();
    expect(active).toBeDefined();
    expect(active).toBe(span?.spanContext().spanId);
  });

  it('makes spans started in a handler children of the server span, in the same trace', async () => {
    const target = app();
    const router = new Router();
    router.get('/report', async (ctx) => {
      await trace.getTracer('test').startActiveSpan('load report', async (span) => {
        await new Promise((resolve) => setTimeout(resolve, 2));
        span.end();
      });
      ctx.body = 'done';
    });
    target.use(router.routes());
    await request(target.callback()).get('/report').expect(200, 'done');
    const spans = await otel.spans(2);
    expect(spanTree(spans)).toEqual(['GET /report <- (root)', 'load report <- GET /report']);
    expect(new Set(spans.map((span) => span.spanContext().traceId)).size).toBe(1);
  });

  it('leaves no span active once the request is over', async () => {
    const target = app();
    target.use((ctx) => {
      ctx.body = 'ok';
    });
    await request(target.callback()).get('/').expect(200);
    expect(trace.getSpan(context.active())).toBeUndefined();
  });
});
