import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import {
  ATTR_ERROR_TYPE,
  ATTR_EXCEPTION_MESSAGE,
  ATTR_EXCEPTION_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_CLIENT_ADDRESS,
  ATTR_NETWORK_PROTOCOL_VERSION,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_URL_PATH,
  ATTR_URL_SCHEME,
} from '@opentelemetry/semantic-conventions';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import { wrapFetch } from '@otelware/fetch';
import { afterEach, expect, test } from 'bun:test';
import net from 'node:net';
import { idOf, parentOf, type TestSdk } from './sdk';
import { clientFetch, get, type Served } from './serve';

/**
 * What every app under test serves, each in its own framework's words:
 *
 * - `GET /api/users/:id`: `404` `{ error: 'no such user' }` for the id `unknown`; else
 *   `loadUser(id, traceparent header)`, answered `200` as JSON.
 * - `GET /api/boom`: the handler throws `new TypeError('boom')` (the framework answers 500).
 * - `GET /api/unavailable`: `503` `try later`, no error.
 * - `GET /api/orders/:id?via=<url>`: `order(id, via)`, answered `200` as JSON.
 * - `GET /api/slow`: answers `200` `late` when `slow()` resolves.
 * - `POST /api/echo` (`application/octet-stream`): `readBody(req)` on the raw request
 *   stream, answered `200` as JSON.
 */
export interface ServerSubject {
  /** The adapter package, the server span's instrumentation scope. */
  readonly scope: string;
  /** Starts a new app traced with the adapter (mounted as its README says). */
  start(): Promise<Served>;
}

const tracer = trace.getTracer('platforms-bun-app');
const tracedFetch = wrapFetch(fetch);

/** A handler's own work: after an `await`, a span started with `startActiveSpan`. */
export async function loadUser(id: string, traceparent: string | undefined) {
  await Bun.sleep(1);
  return tracer.startActiveSpan('load user', (span) => {
    span.end();
    return { id, traceparent: traceparent ?? null };
  });
}

/** A handler calling the next service through `wrapFetch(fetch)`. */
export async function order(id: string, via: string) {
  const response = await tracedFetch(`${via}/api/users/${id}`);
  return { order: id, user: (await response.json()) as unknown };
}

let reachedSlow = Promise.withResolvers<void>();
let releaseSlow = Promise.withResolvers<void>();

/** A handler that is reached, then waits until the test lets it answer. */
export async function slow(): Promise<string> {
  reachedSlow.resolve();
  await releaseSlow.promise;
  return 'late';
}

/** The span active in `data` and `end` listeners on the raw request stream. */
export function readBody(stream: NodeJS.ReadableStream) {
  return new Promise<{ bytes: number; spanIds: Array<string | null> }>((resolve) => {
    let bytes = 0;
    const spanIds: Array<string | null> = [];
    const activeSpanId = () => trace.getActiveSpan()?.spanContext().spanId ?? null;
    stream.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      spanIds.push(activeSpanId());
    });
    stream.on('end', () => resolve({ bytes, spanIds: [...new Set([...spanIds, activeSpanId()])] }));
  });
}

/** otelware's own attribute (see the adapters' READMEs). */
const ATTR_OTELWARE_ABORTED = 'otelware.request.aborted';

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const PARENT_ID = 'b7ad6b7169203331';

function named(spans: readonly ReadableSpan[], name: string): ReadableSpan {
  const found = spans.filter((span) => span.name === name);
  expect(found).toHaveLength(1);
  return found[0] as ReadableSpan;
}

/** The behaviours every server adapter shows under Bun; call it inside a `describe`. */
export function serverSuite(sdk: TestSdk, subject: ServerSubject): void {
  const running: Served[] = [];
  async function start(): Promise<Served> {
    const served = await subject.start();
    running.push(served);
    return served;
  }
  afterEach(async () => {
    await Promise.all(running.splice(0).map((served) => served.close()));
  });

  test('continues an incoming traceparent, names the span by the route template', async () => {
    const app = await start();
    const traceparent = `00-${TRACE_ID}-${PARENT_ID}-01`;
    const answer = await get(`${app.url}/api/users/42`, { traceparent });
    expect(answer).toEqual({ status: 200, body: { id: '42', traceparent } });

    const spans = await sdk.spans(2);
    expect(spans.map((span) => span.name)).toEqual(['load user', 'GET /api/users/:id']);
    const server = named(spans, 'GET /api/users/:id');
    expect(server.kind).toBe(SpanKind.SERVER);
    expect(server.instrumentationScope.name).toBe(subject.scope);
    expect(server.spanContext().traceId).toBe(TRACE_ID);
    expect(parentOf(server)).toBe(`${TRACE_ID}/${PARENT_ID} (remote)`);
    expect(server.attributes).toMatchObject({
      [ATTR_HTTP_REQUEST_METHOD]: 'GET',
      [ATTR_URL_SCHEME]: 'http',
      [ATTR_URL_PATH]: '/api/users/42',
      [ATTR_SERVER_ADDRESS]: '127.0.0.1',
      [ATTR_SERVER_PORT]: Number(new URL(app.url).port),
      [ATTR_CLIENT_ADDRESS]: '127.0.0.1', // Bun's socket peer
      [ATTR_HTTP_ROUTE]: '/api/users/:id',
      [ATTR_HTTP_RESPONSE_STATUS_CODE]: 200,
      [ATTR_NETWORK_PROTOCOL_VERSION]: '1.1',
    });
    expect(server.status).toEqual({ code: SpanStatusCode.UNSET });
    expect(server.events).toEqual([]);
  });

  test('makes the server span active in the handler, also after an await', async () => {
    const app = await start();
    expect((await get(`${app.url}/api/users/7`)).status).toBe(200);

    const spans = await sdk.spans(2);
    expect(spans).toHaveLength(2);
    const server = named(spans, 'GET /api/users/:id');
    const child = named(spans, 'load user');
    expect(parentOf(server)).toBeUndefined(); // no incoming traceparent: a new trace
    expect(child.kind).toBe(SpanKind.INTERNAL);
    expect(parentOf(child)).toBe(idOf(server));
  });

  test("keeps concurrent requests apart: each child span in its own request's trace", async () => {
    const app = await start();
    const traceIds = Array.from({ length: 20 }, (_, i) => `${TRACE_ID.slice(0, 30)}${10 + i}`);
    await Promise.all(
      traceIds.map((traceId, i) =>
        get(`${app.url}/api/users/${i}`, { traceparent: `00-${traceId}-${PARENT_ID}-01` }),
      ),
    );

    const spans = await sdk.spans(40);
    expect(spans).toHaveLength(40);
    const servers = spans.filter((span) => span.kind === SpanKind.SERVER);
    expect(servers.map((span) => span.spanContext().traceId).sort()).toEqual(traceIds);
    for (const server of servers) {
      const children = spans.filter((span) => parentOf(span) === idOf(server));
      expect(children.map((span) => span.name)).toEqual(['load user']);
    }
  });

  test('records a thrown error: ERROR, error.type and one exception event', async () => {
    const app = await start();
    expect((await get(`${app.url}/api/boom`)).status).toBe(500);

    const spans = await sdk.spans(1);
    expect(spans.map((span) => span.name)).toEqual(['GET /api/boom']);
    const [server] = spans as [ReadableSpan];
    expect(server.status.code).toBe(SpanStatusCode.ERROR);
    expect(server.attributes[ATTR_ERROR_TYPE]).toBe('TypeError');
    expect(server.attributes[ATTR_HTTP_RESPONSE_STATUS_CODE]).toBe(500);
    expect(server.events.map((event) => event.name)).toEqual(['exception']);
    expect(server.events[0]?.attributes).toMatchObject({
      [ATTR_EXCEPTION_TYPE]: 'TypeError',
      [ATTR_EXCEPTION_MESSAGE]: 'boom',
    });
  });

  test('marks a 503 answer ERROR with error.type 503 and no exception event', async () => {
    const app = await start();
    expect(await get(`${app.url}/api/unavailable`)).toEqual({ status: 503, body: 'try later' });

    const spans = await sdk.spans(1);
    expect(spans.map((span) => span.name)).toEqual(['GET /api/unavailable']);
    const [server] = spans as [ReadableSpan];
    expect(server.status.code).toBe(SpanStatusCode.ERROR);
    expect(server.attributes[ATTR_ERROR_TYPE]).toBe('503');
    expect(server.attributes[ATTR_HTTP_RESPONSE_STATUS_CODE]).toBe(503);
    expect(server.events).toEqual([]);
  });

  test('leaves a 404 answer UNSET, without error.type', async () => {
    const app = await start();
    const answer = await get(`${app.url}/api/users/unknown`);
    expect(answer).toEqual({ status: 404, body: { error: 'no such user' } });

    const spans = await sdk.spans(1);
    expect(spans.map((span) => span.name)).toEqual(['GET /api/users/:id']);
    const [server] = spans as [ReadableSpan];
    expect(server.status).toEqual({ code: SpanStatusCode.UNSET });
    expect(server.attributes[ATTR_HTTP_RESPONSE_STATUS_CODE]).toBe(404);
    expect(server.attributes[ATTR_ERROR_TYPE]).toBeUndefined();
    expect(server.events).toEqual([]);
  });

  test("carries the trace through a handler's fetch to the downstream server", async () => {
    const upstream = await start();
    const downstream = await start();
    const answer = await get(`${upstream.url}/api/orders/9?via=${downstream.url}`);
    expect(answer.status).toBe(200);

    const spans = await sdk.spans(4);
    expect(spans).toHaveLength(4);
    const entry = named(spans, 'GET /api/orders/:id');
    const client = named(spans, 'GET');
    const next = named(spans, 'GET /api/users/:id');
    const { traceId, spanId } = client.spanContext();
    expect(parentOf(entry)).toBeUndefined();
    expect(client.kind).toBe(SpanKind.CLIENT);
    expect(client.instrumentationScope.name).toBe('@otelware/fetch');
    expect(parentOf(client)).toBe(idOf(entry));
    expect(client.attributes).toMatchObject({
      [ATTR_SERVER_ADDRESS]: '127.0.0.1',
      [ATTR_SERVER_PORT]: Number(new URL(downstream.url).port),
      [ATTR_HTTP_RESPONSE_STATUS_CODE]: 200,
    });
    expect(next.kind).toBe(SpanKind.SERVER);
    expect(parentOf(next)).toBe(`${traceId}/${spanId} (remote)`);
    expect(parentOf(named(spans, 'load user'))).toBe(idOf(next));
    expect(answer.body).toEqual({
      order: '9',
      user: { id: '9', traceparent: `00-${traceId}-${spanId}-01` },
    });
  });

  test("runs the raw request stream's data and end listeners with the server span active", async () => {
    const app = await start();
    const body = new Uint8Array(64 * 1024).fill(7);
    const response = await clientFetch(`${app.url}/api/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body,
    });
    const answer = (await response.json()) as { bytes: number; spanIds: unknown[] };

    const spans = await sdk.spans(1);
    expect(spans.map((span) => span.name)).toEqual(['POST /api/echo']);
    expect(answer).toEqual({ bytes: body.length, spanIds: [spans[0]?.spanContext().spanId] });
  });

  test('ends the span once, marked aborted, when the client leaves before the answer', async () => {
    reachedSlow = Promise.withResolvers<void>();
    releaseSlow = Promise.withResolvers<void>();
    const app = await start();
    const { port } = new URL(app.url);
    const socket = net.connect(Number(port), '127.0.0.1');
    socket.on('error', () => undefined);
    socket.write('GET /api/slow HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await reachedSlow.promise;
    socket.destroy();

    const spans = await sdk.spans(1); // ended by the abort, while the handler still waits
    releaseSlow.resolve();
    await Bun.sleep(20); // the late answer goes nowhere and ends nothing
    expect(spans.map((span) => span.name)).toEqual(['GET /api/slow']);
    expect(sdk.exporter.getFinishedSpans()).toHaveLength(1);
    const [server] = spans as [ReadableSpan];
    expect(server.attributes[ATTR_OTELWARE_ABORTED]).toBe(true);
    expect(server.attributes[ATTR_HTTP_RESPONSE_STATUS_CODE]).toBeUndefined();
    expect(server.status).toEqual({ code: SpanStatusCode.UNSET });
  });
}
