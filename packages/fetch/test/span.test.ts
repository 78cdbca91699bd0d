import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_REQUEST_METHOD_ORIGINAL,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_URL_FULL,
} from '@opentelemetry/semantic-conventions';
import { useTestTracing } from '@otelware/test-support';
import { wrapFetch } from '../src';
import { startLocalServer, type LocalServer } from './local-server';

const otel = useTestTracing();
const tracedFetch = wrapFetch(fetch);
let server: LocalServer;

beforeAll(async () => {
  server = await startLocalServer();
});
afterAll(() => server.close());

describe('the CLIENT span of a fetch call', () => {
  it('is named by the method and records the stable HTTP client attributes', async () => {
    const response = await tracedFetch(`${server.origin}/users/1?view=full`);
    expect(await response.text()).toBe('ok');
    const [span] = await otel.spans(1);
    expect(span?.name).toBe('GET');
    expect(span?.kind).toBe(SpanKind.CLIENT);
    expect(span?.attributes).toEqual({
      [ATTR_HTTP_REQUEST_METHOD]: 'GET',
      [ATTR_SERVER_ADDRESS]: '127.0.0.1',
      [ATTR_SERVER_PORT]: server.port,
      [ATTR_URL_FULL]: `${server.origin}/users/1?view=full`,
      [ATTR_HTTP_RESPONSE_STATUS_CODE]: 200,
    });
    expect(span?.status).toEqual({ code: SpanStatusCode.UNSET });
    expect(span?.events).toEqual([]);
    expect(span?.ended).toBe(true);
  });

  it('is a child of the active span, so it joins the trace of the request being served', async () => {
    const tracer = trace.getTracer('test');
    await tracer.startActiveSpan('handler', async (parent) => {
      await tracedFetch(`${server.origin}/`);
      parent.end();
    });
    const spans = await otel.spans(2);
    const parent = spans.find((span) => span.name === 'handler');
    const client = spans.find((span) => span.kind === SpanKind.CLIENT);
    expect(client?.spanContext().traceId).toBe(parent?.spanContext().traceId);
    expect(client?.parentSpanContext?.spanId).toBe(parent?.spanContext().spanId);
  });

  it('starts a new trace when no span is active', async () => {
    await tracedFetch(`${server.origin}/`);
    const [span] = await otel.spans(1);
    expect(span?.parentSpanContext).toBeUndefined();
  });

  it('uses the method fetch sends: upper-cased for the six methods fetch normalizes', async () => {
    await tracedFetch(`${server.origin}/`, { method: 'post', body: 'x' });
    const [span] = await otel.spans(1);
    expect(server.received.at(-1)?.method).toBe('POST');
    expect(span?.name).toBe('POST');
    expect(span?.attributes[ATTR_HTTP_REQUEST_METHOD]).toBe('POST');
  });

  it('records a method outside the known set as _OTHER, with the original, and names the span HTTP', async () => {
    await tracedFetch(`${server.origin}/`, { method: 'PURGE' });
    const [span] = await otel.spans(1);
    expect(span?.name).toBe('HTTP');
    expect(span?.attributes[ATTR_HTTP_REQUEST_METHOD]).toBe('_OTHER');
    expect(span?.attributes[ATTR_HTTP_REQUEST_METHOD_ORIGINAL]).toBe('PURGE');
  });

  it('records a lower-case patch as sent, which is not the known PATCH', async () => {
    // Node's HTTP server refuses a lower-case method with a 400 before any handler runs
    const response = await tracedFetch(`${server.origin}/`, { method: 'patch' });
    expect(response.status).toBe(400);
    const [span] = await otel.spans(1);
    expect(span?.attributes[ATTR_HTTP_REQUEST_METHOD]).toBe('_OTHER');
    expect(span?.attributes[ATTR_HTTP_REQUEST_METHOD_ORIGINAL]).toBe('patch');
  });

  it('takes method and URL from a Request, and the method from init over the Request', async () => {
    await tracedFetch(new Request(`${server.origin}/a`, { method: 'PUT', body: 'x' }));
    await tracedFetch(new Request(`${server.origin}/b`), { method: 'DELETE' });
    const spans = await otel.spans(2);
    expect(spans.map((span) => [span.name, span.attributes[ATTR_URL_FULL]])).toEqual([
      ['PUT', `${server.origin}/a`],
      ['DELETE', `${server.origin}/b`],
    ]);
  });

  it('accepts a URL object', async () => {
    await tracedFetch(new URL('/from-url', server.origin));
    const [span] = await otel.spans(1);
    expect(span?.attributes[ATTR_URL_FULL]).toBe(`${server.origin}/from-url`);
  });

  it('records the default port of the scheme when the URL has none', async () => {
    const attempt = tracedFetch('http://127.0.0.1/', { signal: AbortSignal.abort() });
    await expect(attempt).rejects.toThrow();
    const [span] = await otel.spans(1);
    expect(span?.attributes[ATTR_SERVER_PORT]).toBe(80);
  });

  it('traces a data: URL, which has no server', async () => {
    const response = await tracedFetch('data:text/plain,hello');
    expect(await response.text()).toBe('hello');
    const [span] = await otel.spans(1);
    expect(span?.attributes).toEqual({
      [ATTR_HTTP_REQUEST_METHOD]: 'GET',
      [ATTR_URL_FULL]: 'data:text/plain,hello',
      [ATTR_HTTP_RESPONSE_STATUS_CODE]: 200,
    });
  });
});

describe('url.full redaction', () => {
  it('replaces credentials in the URL with REDACTED:REDACTED', async () => {
    const url = `http://alice:secret@127.0.0.1:${server.port}/private`;
    await tracedFetch(url).catch(() => undefined); // Node's fetch refuses credentials in URLs
    const [span] = await otel.spans(1);
    expect(span?.attributes[ATTR_URL_FULL]).toBe(
      `http://REDACTED:REDACTED@127.0.0.1:${server.port}/private`,
    );
  });

  it('replaces the values of signature query parameters, wherever they are and however often', async () => {
    await tracedFetch(
      `${server.origin}/file?X-Amz-Signature=abc&a=1&sig=x&sig=y&X-Amz-Credential=c%2Fd`,
    );
    const [span] = await otel.spans(1);
    expect(span?.attributes[ATTR_URL_FULL]).toBe(
      `${server.origin}/file?X-Amz-Signature=REDACTED&a=1&sig=REDACTED&sig=REDACTED&X-Amz-Credential=REDACTED`,
    );
    expect(server.received.at(-1)?.url).toBe(
      '/file?X-Amz-Signature=abc&a=1&sig=x&sig=y&X-Amz-Credential=c%2Fd',
    );
  });

  it('redacts a percent-encoded parameter name too', async () => {
    await tracedFetch(`${server.origin}/file?%73ig=secret`);
    const [span] = await otel.spans(1);
    expect(span?.attributes[ATTR_URL_FULL]).toBe(`${server.origin}/file?%73ig=REDACTED`);
  });

  it('redacts the parameters of the redactQueryParams option instead of the defaults', async () => {
    const custom = wrapFetch(fetch, { redactQueryParams: ['token'] });
    await custom(`${server.origin}/?token=t&sig=s`);
    const [span] = await otel.spans(1);
    expect(span?.attributes[ATTR_URL_FULL]).toBe(`${server.origin}/?token=REDACTED&sig=s`);
  });
});
