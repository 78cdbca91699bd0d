import type { TracingOptions } from '@otelware/core';
import request from 'supertest';
import { traceparentOf } from './span-summaries';
import type { TestTracing } from './test-tracing';

type Target = Parameters<typeof request>[0];

/** The adapter under test, as the traceResponse suite needs it. */
export interface TraceResponseSubject {
  /**
   * An app traced with `options` whose routes are `GET /users/:id`, answering `200`
   * with the JSON `{ id: 1 }`; `GET /timed`, setting `Server-Timing: db;dur=53` the
   * framework's usual way and answering `200` with `timed`; `GET /stream`, answering
   * `200` with `one,` and `two` written as a stream; and `GET /fails`, throwing an
   * `Error` the framework answers with `500` (it may set headers first: the 500 must
   * not carry a `Server-Timing`). Other paths get the framework's own `404`.
   */
  serve(options: TracingOptions): Target | Promise<Target>;
  /**
   * Starts the adapter with `options` as an app does (Express and Koa call
   * `tracing(options)`, Fastify registers the plugin): it throws, or returns a
   * promise that rejects, when startup fails.
   */
  start(options: unknown): unknown;
}

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';

/**
 * The `traceResponse` option every server adapter takes (W3C Trace Context Level 2
 * `traceresponse`, or a `Server-Timing` `traceparent` entry), seen through a real
 * app: call it inside the adapter's `describe`.
 */
export function traceResponseSuite(otel: TestTracing, subject: TraceResponseSubject): void {
  const app = async (options: TracingOptions) => subject.serve(options);
  const start = async (options: unknown) => subject.start(options);

  /** The response to `GET path` with `traceResponse: 'traceresponse'`, checked against the span. */
  async function expectTraceresponseOn(path: string, status: number, body?: unknown) {
    const sent = request(await app({ traceResponse: 'traceresponse' })).get(path);
    const response = await (body === undefined ? sent.expect(status) : sent.expect(status, body));
    const [span] = await otel.serverSpans();
    expect(response.headers['traceresponse']).toBe(traceparentOf(span));
    return response;
  }

  it('sends no traceresponse or Server-Timing header by default', async () => {
    const response = await request(await app({}))
      .get('/users/1')
      .expect(200);
    expect(response.headers['traceresponse']).toBeUndefined();
    expect(response.headers['server-timing']).toBeUndefined();
  });

  it("sends the SERVER span's context in traceresponse", async () => {
    const response = await expectTraceresponseOn('/users/1', 200, { id: 1 });
    expect(response.headers['server-timing']).toBeUndefined();
  });

  it('sends it on a streamed response', async () => {
    await expectTraceresponseOn('/stream', 200, 'one,two');
  });

  it('sends it on the 500 the framework answers for a thrown error', async () => {
    const response = await expectTraceresponseOn('/fails', 500);
    expect(response.headers['server-timing']).toBeUndefined();
  });

  it('sends it on a 404', async () => {
    await expectTraceresponseOn('/missing', 404);
  });

  it('sends, for an unsampled request, its own span id with the sampled flag unset', async () => {
    const callerSpanId = 'b7ad6b7169203331';
    const response = await request(await app({ traceResponse: 'traceresponse' }))
      .get('/users/1')
      .set('traceparent', `00-${TRACE_ID}-${callerSpanId}-00`)
      .expect(200);
    expect(response.headers['traceresponse']).toMatch(
      new RegExp(`^00-${TRACE_ID}-[0-9a-f]{16}-00$`),
    );
    expect(response.headers['traceresponse']).not.toContain(callerSpanId);
    expect(await otel.spans(0)).toEqual([]);
  });

  it('sends nothing for a request the ignore option skips', async () => {
    const target = await app({
      traceResponse: 'traceresponse',
      ignore: (req) => req.url === '/users/1',
    });
    const response = await request(target).get('/users/1').expect(200);
    expect(response.headers['traceresponse']).toBeUndefined();
  });

  it("writes the context as a Server-Timing traceparent entry with 'server-timing'", async () => {
    const response = await request(await app({ traceResponse: 'server-timing' }))
      .get('/users/1')
      .expect(200);
    const [span] = await otel.serverSpans();
    expect(response.headers['server-timing']).toBe(`traceparent;desc="${traceparentOf(span)}"`);
    expect(response.headers['traceresponse']).toBeUndefined();
  });

  it("appends the entry to the app's own Server-Timing header", async () => {
    const response = await request(await app({ traceResponse: 'server-timing' }))
      .get('/timed')
      .expect(200, 'timed');
    const [span] = await otel.serverSpans();
    expect(response.headers['server-timing']).toBe(
      `db;dur=53, traceparent;desc="${traceparentOf(span)}"`,
    );
  });

  it('throws a TypeError at startup for a bad traceResponse value', async () => {
    await expect(start({ traceResponse: true })).rejects.toThrow(TypeError);
    await expect(start({ traceResponse: 'Traceresponse' })).rejects.toThrow(/"traceResponse"/);
  });
}
