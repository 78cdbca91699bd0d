import { SpanStatusCode } from '@opentelemetry/api';
import { AlwaysOffSampler } from '@opentelemetry/sdk-trace';
import { createTestProvider, useTestTracing } from '@otelware/test-support';
import { wrapFetch, type FetchRequestInfo } from '../src';
import { startLocalServer, type LocalServer } from './local-server';

const otel = useTestTracing();
let server: LocalServer;

beforeAll(async () => {
  server = await startLocalServer();
});
afterAll(() => server.close());

describe('options of wrapFetch', () => {
  it('ignore(url, init): no span, no headers, fetch called exactly as given', async () => {
    const calls: Array<[string, unknown]> = [];
    const init = { headers: { 'x-caller': '1' } };
    const traced = wrapFetch(fetch, {
      ignore: (url, givenInit) => {
        calls.push([url.href, givenInit]);
        return url.pathname === '/health';
      },
    });
    await traced(`${server.origin}/health`, init);
    expect(calls).toEqual([[`${server.origin}/health`, init]]);
    expect(server.received.at(-1)?.headers.traceparent).toBeUndefined();
    expect(await otel.spans(0)).toEqual([]);
    await traced(`${server.origin}/other`);
    expect(await otel.spans(1)).toHaveLength(1);
  });

  it('requestHook gets the span and the call; responseHook the response, before the span ends', async () => {
    const requests: FetchRequestInfo[] = [];
    const init = { method: 'POST', body: 'x' };
    const traced = wrapFetch(fetch, {
      requestHook: (span, request) => {
        requests.push(request);
        span.setAttribute('app.request', request.url.pathname);
      },
      responseHook: (span, response) => {
        span.setAttribute('app.answer', response.headers.get('x-answer') ?? 'none');
      },
    });
    await traced(`${server.origin}/status/201`, init);
    const [span] = await otel.spans(1);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      method: 'POST',
      input: `${server.origin}/status/201`,
      init,
    });
    expect(requests[0]?.url.href).toBe(`${server.origin}/status/201`);
    expect(span?.attributes['app.request']).toBe('/status/201');
    expect(span?.attributes['app.answer']).toBe('yes');
  });

  it('a throwing ignore, requestHook or responseHook changes nothing for the caller', async () => {
    const boom = () => {
      throw new Error('hook bug');
    };
    const traced = wrapFetch(fetch, { ignore: boom, requestHook: boom, responseHook: boom });
    const response = await traced(`${server.origin}/status/200`);
    expect(await response.text()).toBe('status 200');
    const [span] = await otel.spans(1);
    expect(span?.status.code).toBe(SpanStatusCode.UNSET);
    expect(server.received.at(-1)?.headers.traceparent).toBeDefined();
  });

  it('hooks are not called for an unsampled call', async () => {
    const hooked: string[] = [];
    const traced = wrapFetch(fetch, {
      tracerProvider: createTestProvider(new AlwaysOffSampler()).provider,
      requestHook: () => hooked.push('request'),
      responseHook: () => hooked.push('response'),
    });
    await traced(`${server.origin}/`);
    expect(hooked).toEqual([]);
  });

  it('captureHeaders records the named request and response headers as string arrays', async () => {
    const traced = wrapFetch(fetch, {
      captureHeaders: { request: ['X-Request-Id', 'authorization'], response: ['X-Answer'] },
    });
    await traced(`${server.origin}/status/200`, {
      headers: { 'x-request-id': 'r-1', cookie: 'secret=1' },
    });
    const [span] = await otel.spans(1);
    expect(span?.attributes['http.request.header.x-request-id']).toEqual(['r-1']);
    expect(span?.attributes['http.response.header.x-answer']).toEqual(['yes']);
    const captured = Object.keys(span?.attributes ?? {}).filter((key) => key.includes('.header.'));
    expect(captured.sort()).toEqual([
      'http.request.header.x-request-id',
      'http.response.header.x-answer',
    ]);
  });

  it('records no header unless named', async () => {
    await wrapFetch(fetch)(`${server.origin}/`, { headers: { authorization: 'Bearer t' } });
    const [span] = await otel.spans(1);
    expect(Object.keys(span?.attributes ?? {}).some((key) => key.includes('.header.'))).toBe(false);
  });

  it('knownMethods replaces the known method set', async () => {
    await wrapFetch(fetch, { knownMethods: ['GET', 'PURGE'] })(`${server.origin}/`, {
      method: 'PURGE',
    });
    const [span] = await otel.spans(1);
    expect(span?.name).toBe('PURGE');
    expect(span?.attributes['http.request.method']).toBe('PURGE');
  });

  it('tracerProvider sends the spans to that provider', async () => {
    const own = createTestProvider();
    await wrapFetch(fetch, { tracerProvider: own.provider })(`${server.origin}/`);
    expect(await own.spans(1)).toHaveLength(1);
    expect(await otel.spans(0)).toEqual([]);
  });

  it.each([
    ['an unknown option', { spanName: () => 'x' }],
    ['a non-function hook', { requestHook: 'yes' }],
    ['a non-function ignore', { ignore: true }],
    ['a bad propagator', { propagator: {} }],
    ['a bad tracerProvider', { tracerProvider: {} }],
    ['bad captureHeaders', { captureHeaders: { request: 'x-id' } }],
    ['bad redactQueryParams', { redactQueryParams: 'sig' }],
  ])('rejects %s at startup with a TypeError', (_what, options) => {
    expect(() => wrapFetch(fetch, options as never)).toThrow(TypeError);
  });
});
