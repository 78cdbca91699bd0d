import { context, propagation, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import {
  ATTR_ERROR_TYPE,
  ATTR_EXCEPTION_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_URL_FULL,
} from '@opentelemetry/semantic-conventions';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import { tracing as expressTracing } from '@otelware/express';
import { instrumentFetch } from '@otelware/fetch';
import { tracing as fastifyTracing } from '@otelware/fastify';
import express from 'express';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import net from 'node:net';
import { idOf, parentOf, useSdk } from './sdk';
import { get, serveNode, type Served } from './serve';

const sdk = useSdk();
const bunFetch = globalThis.fetch;

/** Downstream: Fastify 5, answering with the trace headers it received. */
async function startDownstream(): Promise<Served> {
  const app = Fastify();
  await app.register(fastifyTracing);
  app.get('/api/stock/:sku', async (request) => ({
    traceparent: request.headers.traceparent,
    baggage: request.headers.baggage,
  }));
  app.get('/api/broken', async (_request, reply) => reply.code(503).send('down'));
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { url, close: () => app.close() };
}

/** Upstream: Express 5, whose handler calls the global fetch with a baggage entry active. */
function startUpstream(downstream: string): Promise<Served> {
  const app = express();
  app.use(expressTracing());
  app.get('/api/carts/:id', (_req, res, next) => {
    const baggage = propagation.createBaggage({ tenant: { value: 'acme' } });
    const withBaggage = propagation.setBaggage(context.active(), baggage);
    context
      .with(withBaggage, () => fetch(`${downstream}/api/stock/ab-12`))
      .then((response) => response.json())
      .then((stock) => res.json({ stock }), next);
  });
  return serveNode(app);
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function onlySpan(spans: readonly ReadableSpan[]): ReadableSpan {
  expect(spans).toHaveLength(1);
  return spans[0] as ReadableSpan;
}

describe('instrumentFetch() under Bun', () => {
  let downstream: Served;
  let uninstrument: () => void;
  beforeAll(async () => {
    downstream = await startDownstream();
    uninstrument = instrumentFetch();
  });
  afterAll(async () => {
    uninstrument();
    await downstream.close();
  });

  test("joins a handler's trace; the downstream SERVER span is the CLIENT span's child", async () => {
    const upstream = await startUpstream(downstream.url);
    const answer = await get(`${upstream.url}/api/carts/3`);
    await upstream.close();

    const spans = await sdk.spans(3);
    expect(spans.map((span) => [span.name, span.kind])).toEqual([
      ['GET /api/stock/:sku', SpanKind.SERVER],
      ['GET', SpanKind.CLIENT],
      ['GET /api/carts/:id', SpanKind.SERVER],
    ]);
    const [next, client, entry] = spans as [ReadableSpan, ReadableSpan, ReadableSpan];
    const { traceId, spanId } = client.spanContext();
    expect(parentOf(entry)).toBeUndefined();
    expect(parentOf(client)).toBe(idOf(entry));
    expect(parentOf(next)).toBe(`${traceId}/${spanId} (remote)`);
    expect(answer).toEqual({
      status: 200,
      body: { stock: { traceparent: `00-${traceId}-${spanId}-01`, baggage: 'tenant=acme' } },
    });
  });

  test('records a call outside any handler as a root CLIENT span', async () => {
    const url = `${downstream.url}/api/stock/cd-34?page=2`;
    const response = await fetch(url);
    expect(response.status).toBe(200);
    const { traceparent } = (await response.json()) as { traceparent: string };

    const spans = await sdk.spans(2); // and the downstream server's
    const client = onlySpan(spans.filter((span) => span.kind === SpanKind.CLIENT));
    const { traceId, spanId } = client.spanContext();
    expect(client.name).toBe('GET');
    expect(client.instrumentationScope.name).toBe('@otelware/fetch');
    expect(parentOf(client)).toBeUndefined();
    expect(traceparent).toBe(`00-${traceId}-${spanId}-01`);
    expect(client.attributes).toEqual({
      [ATTR_HTTP_REQUEST_METHOD]: 'GET',
      [ATTR_SERVER_ADDRESS]: '127.0.0.1',
      [ATTR_SERVER_PORT]: Number(new URL(url).port),
      [ATTR_URL_FULL]: url,
      [ATTR_HTTP_RESPONSE_STATUS_CODE]: 200,
    });
    expect(client.status).toEqual({ code: SpanStatusCode.UNSET });
  });

  test('marks a 5xx response ERROR with error.type, and hands back the response', async () => {
    const response = await fetch(`${downstream.url}/api/broken`);
    expect([response.status, await response.text()]).toEqual([503, 'down']);

    const spans = await sdk.spans(2);
    const client = onlySpan(spans.filter((span) => span.kind === SpanKind.CLIENT));
    expect(client.status.code).toBe(SpanStatusCode.ERROR);
    expect(client.attributes[ATTR_ERROR_TYPE]).toBe('503');
    expect(client.events).toEqual([]);
  });

  test("records Bun's refused connection with its error code, and rethrows the same error", async () => {
    const port = await closedPort();
    let thrown: unknown;
    await fetch(`http://127.0.0.1:${port}/`).catch((error: unknown) => (thrown = error));
    let bunThrown: unknown;
    await bunFetch(`http://127.0.0.1:${port}/`).catch((error: unknown) => (bunThrown = error));
    // Bun's fetch rejects with a TypeError carrying `code` itself (Node's with a `cause`)
    expect(thrown).toBeInstanceOf(TypeError);
    expect((thrown as { code?: string }).code).toBe((bunThrown as { code?: string }).code);

    const client = onlySpan(await sdk.spans(1));
    expect(client.status.code).toBe(SpanStatusCode.ERROR);
    expect(client.attributes[ATTR_ERROR_TYPE]).toBe('ECONNREFUSED');
    expect(client.events.map((event) => event.name)).toEqual(['exception']);
    expect(client.events[0]?.attributes?.[ATTR_EXCEPTION_TYPE]).toBe('ECONNREFUSED');
  });

  test("keeps Bun's fetch.preconnect on the traced fetch", () => {
    expect(globalThis.fetch).not.toBe(bunFetch);
    expect(globalThis.fetch.preconnect).toBe(bunFetch.preconnect);
    expect(() => globalThis.fetch.preconnect(downstream.url)).not.toThrow();
  });
});

describe('uninstrumenting under Bun', () => {
  test("puts back Bun's own fetch, preconnect included", () => {
    const uninstrument = instrumentFetch();
    expect(globalThis.fetch).not.toBe(bunFetch);
    uninstrument();
    expect(globalThis.fetch).toBe(bunFetch);
    expect(typeof globalThis.fetch.preconnect).toBe('function');
  });
});
