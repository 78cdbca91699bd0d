import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  CompositePropagator,
  W3CBaggagePropagator,
  W3CTraceContextPropagator,
} from '@opentelemetry/core';
import {
  BatchSpanProcessor,
  InMemorySpanExporter,
  TracerProvider,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace';
import { tracing } from '@otelware/express';
import express from 'express';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { start } from '../src';
import { resetStart } from './reset-start';

afterEach(resetStart);

const INCOMING_TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const INCOMING_PARENT_ID = 'b7ad6b7169203331';

/** What an exported span says, its own ids and times left out (their form is checked). */
function comparable(span: ReadableSpan) {
  const { traceId, spanId, traceFlags, isRemote } = span.spanContext();
  expect(traceId).toMatch(/^[0-9a-f]{32}$/);
  expect(spanId).toMatch(/^[0-9a-f]{16}$/);
  return {
    name: span.name,
    kind: span.kind,
    traceId: traceId === INCOMING_TRACE_ID ? 'incoming' : 'new',
    traceFlags,
    isRemote,
    parentSpanId: span.parentSpanContext?.spanId,
    attributes: span.attributes,
    status: span.status,
    events: span.events.map(({ name, attributes }) => ({ name, attributes })),
    links: span.links,
    droppedAttributesCount: span.droppedAttributesCount,
    droppedEventsCount: span.droppedEventsCount,
    droppedLinksCount: span.droppedLinksCount,
    ended: span.ended,
    scope: span.instrumentationScope,
    resource: span.resource.attributes,
  };
}

/**
 * A root request, a continued one and a failing one through an Express app listening on
 * `port` (the same for both set-ups: `server.port` is an attribute); its spans.
 */
async function spansOfRequests(
  port: number,
  exporter: InMemorySpanExporter,
  flush: () => Promise<void>,
) {
  const app = express();
  app.use(tracing());
  app.get('/users/:id', (_req, res) => void res.json({}));
  app.get('/fail', () => {
    throw new Error('boom');
  });
  const server = app.listen(port, '127.0.0.1');
  await once(server, 'listening');
  try {
    const url = `http://127.0.0.1:${port}`;
    await request(url).get('/users/7').expect(200);
    await request(url)
      .get('/users/8')
      .set('traceparent', `00-${INCOMING_TRACE_ID}-${INCOMING_PARENT_ID}-01`)
      .expect(200);
    await request(url).get('/fail').expect(500);
  } finally {
    server.close();
  }
  await new Promise((resolve) => setImmediate(resolve)); // spans end on 'close'
  await flush();
  return exporter.getFinishedSpans().map(comparable);
}

/** A free loopback port. */
async function freePort(): Promise<number> {
  const server = express().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

describe("start()'s spans", () => {
  it("are the SDK's documented set-up's, apart from their ids and times", async () => {
    const port = await freePort();
    const startExporter = new InMemorySpanExporter();
    const handle = start({ exporter: startExporter, env: {} });
    const fromStart = await spansOfRequests(port, startExporter, () => handle.forceFlush());
    await resetStart();

    // the set-up of @opentelemetry/sdk-trace's README: batch processor, ALS, W3C propagators
    const documentedExporter = new InMemorySpanExporter();
    const provider = new TracerProvider({
      spanProcessors: [new BatchSpanProcessor({ exporter: documentedExporter })],
    });
    trace.setGlobalTracerProvider(provider);
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(
      new CompositePropagator({
        propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()],
      }),
    );
    const documented = await spansOfRequests(port, documentedExporter, () => provider.forceFlush());
    await provider.shutdown();

    expect(fromStart).toHaveLength(3);
    expect(fromStart).toEqual(documented);
  });
});
