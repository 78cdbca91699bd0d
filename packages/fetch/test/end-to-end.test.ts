import { SpanKind, trace } from '@opentelemetry/api';
import { tracing } from '@otelware/express';
import { spanTree, useTestTracing } from '@otelware/test-support';
import express from 'express';
import request from 'supertest';
import { wrapFetch } from '../src';
import { startLocalServer, type LocalServer } from './local-server';

const otel = useTestTracing();
const tracedFetch = wrapFetch(fetch);
let downstream: LocalServer;

beforeAll(async () => {
  downstream = await startLocalServer();
});
afterAll(() => downstream.close());

describe('a traced Express app calling another service through the traced fetch', () => {
  it('carries its trace to the other service, with the CLIENT span as the parent', async () => {
    const app = express();
    app.use(tracing());
    app.get('/api/orders/:id', async (_req, res) => {
      const user = await tracedFetch(`${downstream.origin}/users/7`);
      res.json({ user: await user.text() });
    });

    const incoming = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    await request(app).get('/api/orders/1').set('traceparent', incoming).expect(200);

    const spans = await otel.spans(2);
    const server = spans.find((span) => span.kind === SpanKind.SERVER)!;
    const client = spans.find((span) => span.kind === SpanKind.CLIENT)!;
    expect(spanTree(spans)).toEqual([
      'GET /api/orders/:id <- (remote)',
      'GET <- GET /api/orders/:id',
    ]);
    expect(server.spanContext().traceId).toBe('0af7651916cd43dd8448eb211c80319c');
    expect(client.parentSpanContext?.spanId).toBe(server.spanContext().spanId);

    const seen = downstream.received.at(-1)?.headers.traceparent as string;
    const [, traceId, parentId, flags] = seen.split('-');
    expect(traceId).toBe(server.spanContext().traceId);
    expect(parentId).toBe(client.spanContext().spanId);
    expect(flags).toBe('01');
  });

  it('keeps the server span active after the call returns', async () => {
    const app = express();
    app.use(tracing());
    app.get('/', async (_req, res) => {
      const before = trace.getActiveSpan()?.spanContext().spanId;
      await tracedFetch(`${downstream.origin}/`);
      res.json({ same: trace.getActiveSpan()?.spanContext().spanId === before });
    });
    const response = await request(app).get('/').expect(200);
    expect(response.body).toEqual({ same: true });
  });
});
