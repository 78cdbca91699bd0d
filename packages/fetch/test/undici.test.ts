import { SpanKind } from '@opentelemetry/api';
import { ATTR_ERROR_TYPE, ATTR_URL_FULL } from '@opentelemetry/semantic-conventions';
import { useTestTracing } from '@otelware/test-support';
import { fetch as undiciFetch, Headers as UndiciHeaders, Request as UndiciRequest } from 'undici';
import { wrapFetch } from '../src';
import { closedPort, startLocalServer, type LocalServer } from './local-server';

const otel = useTestTracing();
const tracedFetch = wrapFetch(undiciFetch);
let server: LocalServer;

beforeAll(async () => {
  server = await startLocalServer();
});
afterAll(() => server.close());

describe('wrapping undici’s fetch', () => {
  it('keeps its type and records the CLIENT span with the trace headers', async () => {
    const response: Awaited<ReturnType<typeof undiciFetch>> = await tracedFetch(
      `${server.origin}/status/200`,
    );
    expect(await response.text()).toBe('status 200');
    const [span] = await otel.spans(1);
    expect(span?.kind).toBe(SpanKind.CLIENT);
    expect(span?.attributes[ATTR_URL_FULL]).toBe(`${server.origin}/status/200`);
    const { traceId, spanId } = span!.spanContext();
    expect(server.received.at(-1)?.headers.traceparent).toBe(`00-${traceId}-${spanId}-01`);
  });

  it('injects into undici’s own Request and Headers without changing them', async () => {
    const headers = new UndiciHeaders({ 'x-caller': '1' });
    const request = new UndiciRequest(`${server.origin}/`, { headers });
    await tracedFetch(request);
    await tracedFetch(`${server.origin}/`, { headers });
    expect([...headers]).toEqual([['x-caller', '1']]);
    expect([...request.headers]).toEqual([['x-caller', '1']]);
    for (const received of server.received.slice(-2)) {
      expect(received.headers.traceparent).toMatch(/^00-/);
      expect(received.headers['x-caller']).toBe('1');
    }
  });

  it('records its network errors with their code', async () => {
    const port = await closedPort();
    await expect(tracedFetch(`http://127.0.0.1:${port}/`)).rejects.toThrow('fetch failed');
    const [span] = await otel.spans(1);
    expect(span?.attributes[ATTR_ERROR_TYPE]).toBe('ECONNREFUSED');
  });
});
