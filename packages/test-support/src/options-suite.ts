import { SpanStatusCode, trace } from '@opentelemetry/api';
import { ATTR_HTTP_REQUEST_METHOD, ATTR_URL_QUERY } from '@opentelemetry/semantic-conventions';
import type { TracingOptions } from '@otelware/core';
import request from 'supertest';
import { createTestProvider, type TestTracing } from './test-tracing';

type Target = Parameters<typeof request>[0];

/** The adapter under test, as the options suite needs it. */
export interface OptionsSubject {
  /**
   * An app traced with `options` whose route `GET /health` answers `200` with the
   * JSON that `health()` returns inside the handler, and whose route
   * `GET /users/:id` answers `200` with the JSON `{}`.
   */
  serve(options: TracingOptions, health: () => unknown): Target | Promise<Target>;
  /**
   * Starts the adapter with `options` as an app does (Express and Koa call
   * `tracing(options)`, Fastify registers the plugin): it throws, or returns a
   * promise that rejects, when startup fails.
   */
  start(options: unknown): unknown;
}

function health(): unknown {
  return { up: true, active: trace.getActiveSpan() !== undefined };
}

/**
 * The options every server adapter takes (resolved and validated by the core),
 * seen through a real app: call it inside the adapter's `describe`.
 */
export function optionsSuite(otel: TestTracing, subject: OptionsSubject): void {
  const app = async (options: TracingOptions) => subject.serve(options, health);
  const start = async (options: unknown) => subject.start(options);

  it('creates no span for an ignored request, activates none, and still answers it', async () => {
    const target = await app({ ignore: (req) => req.url === '/health' });
    await request(target).get('/health').expect(200, { up: true, active: false });
    await request(target).get('/users/1').expect(200);
    const spans = await otel.serverSpans(1);
    expect(spans.map((span) => span.name)).toEqual(['GET /users/:id']);
  });

  it('names spans with spanName, given the request and route template', async () => {
    const target = await app({
      spanName: (req, route) => `${req.method} ${route ?? '?'} (custom)`,
    });
    await request(target).get('/users/1').expect(200);
    const [span] = await otel.serverSpans();
    expect(span?.name).toBe('GET /users/:id (custom)');
  });

  it('calls requestHook with the span and request, and responseHook with the response', async () => {
    const target = await app({
      requestHook: (span, req) => span.setAttribute('app.request.url', req.url ?? ''),
      responseHook: (span, res) => span.setAttribute('app.response.status', res.statusCode),
    });
    await request(target).get('/users/7?x=1').expect(200);
    const [span] = await otel.serverSpans();
    expect(span?.attributes['app.request.url']).toBe('/users/7?x=1');
    expect(span?.attributes['app.response.status']).toBe(200);
  });

  it('sends spans to the tracerProvider option instead of the global provider', async () => {
    const own = createTestProvider();
    await request(await app({ tracerProvider: own.provider }))
      .get('/users/1')
      .expect(200);
    expect((await own.spans(1)).map((span) => span.name)).toEqual(['GET /users/:id']);
    expect(otel.exporter.getFinishedSpans()).toEqual([]);
  });

  it('treats methods outside the knownMethods option as _OTHER', async () => {
    await request(await app({ knownMethods: ['POST'] }))
      .get('/users/1')
      .expect(200);
    const [span] = await otel.serverSpans();
    expect(span?.name).toBe('HTTP /users/:id');
    expect(span?.attributes[ATTR_HTTP_REQUEST_METHOD]).toBe('_OTHER');
    expect(span?.status.code).toBe(SpanStatusCode.UNSET);
  });

  it('redacts the query parameters named in redactQueryParams', async () => {
    await request(await app({ redactQueryParams: ['token'] }))
      .get('/users/1?token=abc&Signature=kept')
      .expect(200);
    const [span] = await otel.serverSpans();
    expect(span?.attributes[ATTR_URL_QUERY]).toBe('token=REDACTED&Signature=kept');
  });

  it('throws a TypeError at startup for a bad option', async () => {
    await expect(start({ ignore: 'health' })).rejects.toThrow(TypeError);
    await expect(start({ ignore: 'health' })).rejects.toThrow(/"ignore"/);
    await expect(start({ captureHeaders: { request: 'x-id' } })).rejects.toThrow(
      /captureHeaders\.request/,
    );
    await expect(start({ tracerprovider: {} })).rejects.toThrow(/unknown option "tracerprovider"/);
  });
}
