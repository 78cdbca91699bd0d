import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { TracerProvider, type SpanProcessor } from '@opentelemetry/sdk-trace';
import { MAX_ATTRIBUTE_LENGTH } from '@otelware/core';
import {
  countSpanEnds,
  listenOnLoopback,
  settledHeapUsed,
  useTestTracing,
} from '@otelware/test-support';
import http from 'node:http';
import { wrapFetch } from '../../src';
import { startLocalServer, type LocalServer } from '../local-server';

const otel = useTestTracing();
let server: LocalServer;

beforeAll(async () => {
  server = await startLocalServer();
});
afterAll(() => server.close());

/** Calls `url` `times` times at once through a fetch whose span ends are counted. */
async function callsTo(url: string, times: number, init: () => RequestInit = () => ({})) {
  const counted = countSpanEnds(otel.provider);
  const tracedFetch = wrapFetch(fetch, { tracerProvider: counted.provider });
  const outcomes = await Promise.allSettled(
    Array.from({ length: times }, () => tracedFetch(url, init())),
  );
  const spans = await otel.spans(times);
  return { outcomes, spans, ends: [...counted.ends.values()] };
}

/** One line per span: what the guarantee is about, to compare all of them at once. */
function summaries(spans: ReturnType<typeof otel.exporter.getFinishedSpans>): string[] {
  return spans.map((span) =>
    [
      span.name,
      SpanKind[span.kind],
      SpanStatusCode[span.status.code],
      span.attributes['http.response.status_code'] ?? '-',
      span.attributes['error.type'] ?? '-',
    ].join(' '),
  );
}

describe('fetch failures, 100 calls at once', () => {
  it('ends each span of a connection the server resets once, ERROR with the error code', async () => {
    const { outcomes, spans, ends } = await callsTo(`${server.origin}/reset`, 100);
    expect(outcomes.every((outcome) => outcome.status === 'rejected')).toBe(true);
    expect(ends).toEqual(Array(100).fill(1));
    expect(new Set(summaries(spans))).toEqual(new Set(['GET CLIENT ERROR - UND_ERR_SOCKET']));
  });

  it('ends each span of a server that never answers once, when AbortSignal.timeout fires: ERROR TimeoutError', async () => {
    const { outcomes, spans, ends } = await callsTo(`${server.origin}/hang`, 100, () => ({
      signal: AbortSignal.timeout(50),
    }));
    expect(outcomes.every((outcome) => outcome.status === 'rejected')).toBe(true);
    expect(ends).toEqual(Array(100).fill(1));
    expect(summaries(spans)).toEqual(Array(100).fill('GET CLIENT ERROR - TimeoutError'));
  });

  it('ends each span of a 5xx once, ERROR with the status code', async () => {
    const { spans, ends } = await callsTo(`${server.origin}/status/503`, 100);
    expect(ends).toEqual(Array(100).fill(1));
    expect(summaries(spans)).toEqual(Array(100).fill('GET CLIENT ERROR 503 503'));
  });

  it('covers a redirect with one span whose traceparent reaches both hops', async () => {
    const before = server.received.length;
    const { outcomes, spans, ends } = await callsTo(`${server.origin}/redirect`, 100);
    expect(outcomes.every((outcome) => outcome.status === 'fulfilled')).toBe(true);
    expect(ends).toEqual(Array(100).fill(1));
    expect(summaries(spans)).toEqual(Array(100).fill('GET CLIENT UNSET 200 -'));
    const parents = new Set(
      server.received.slice(before).map((hop) => String(hop.headers.traceparent).split('-')[2]),
    );
    // 200 hops, each naming one of the 100 CLIENT spans: both hops of a call name the same
    expect(server.received.length - before).toBe(200);
    expect(parents).toEqual(new Set(spans.map((span) => span.spanContext().spanId)));
  });

  it('ends each span of a response whose body is never read once, at the headers', async () => {
    const { outcomes, spans, ends } = await callsTo(`${server.origin}/hold`, 100);
    expect(ends).toEqual(Array(100).fill(1));
    expect(summaries(spans)).toEqual(Array(100).fill('GET CLIENT UNSET 200 -'));
    for (const outcome of outcomes) {
      if (outcome.status === 'fulfilled') await outcome.value.body?.cancel();
    }
  });
});

describe('fetch attribute sizes', () => {
  it('caps url.full of a 1 MB data: URL at MAX_ATTRIBUTE_LENGTH characters', async () => {
    const url = `data:text/plain,${'a'.repeat(1024 * 1024)}`;
    const response = await wrapFetch(fetch)(url);
    expect((await response.text()).length).toBe(1024 * 1024);
    const [span] = await otel.spans(1);
    expect(span?.attributes['url.full']).toBe(url.slice(0, MAX_ATTRIBUTE_LENGTH));
  });
});

/**
 * The local server's paths, answered without keeping any record (its own
 * bookkeeping would grow the heap): a hanging request is freed when the client
 * times out and closes the connection.
 */
async function forgetfulServer(): Promise<{ origin: string; close(): Promise<void> }> {
  const forgetful = http.createServer((req, res) => {
    if (req.url === '/reset') req.socket.destroy();
    else if (req.url === '/redirect') res.writeHead(302, { location: '/status/200' }).end();
    else if (req.url === '/status/503') res.writeHead(503).end('status 503');
    else if (req.url === '/status/200') res.end('status 200');
    // '/hang': never answered
  });
  const running = await listenOnLoopback(forgetful);
  return { origin: `http://127.0.0.1:${running.port}`, close: running.close };
}

describe('fetch memory', () => {
  it('keeps heap growth under 2 MB over 1,000 failing, timed-out, 5xx, redirected and unread calls', async () => {
    let ended = 0;
    const processor: SpanProcessor = {
      onStart: () => undefined,
      onEnd: () => void ended++,
      forceFlush: async () => undefined,
      shutdown: async () => undefined,
    };
    const tracedFetch = wrapFetch(fetch, {
      tracerProvider: new TracerProvider({ spanProcessors: [processor] }),
    });
    const forgetful = await forgetfulServer();
    const paths = ['/reset', '/hang', '/status/503', '/redirect', '/status/200'];
    async function round(calls: number, fetchFn: typeof fetch = tracedFetch): Promise<void> {
      for (let done = 0; done < calls; done += 50) {
        await Promise.allSettled(
          Array.from({ length: 50 }, async (_, i) => {
            const path = paths[i % paths.length] as string;
            const signal = path === '/hang' ? AbortSignal.timeout(20) : undefined;
            await fetchFn(`${forgetful.origin}${path}`, { signal });
            // no body is ever read or cancelled: each response is dropped as it is
          }),
        );
      }
    }
    // warm-up: traced, then 1,000 untraced calls, for fetch's own one-time state
    await round(250);
    const start = await settledHeapUsed();
    await round(1000, fetch);
    const afterUntraced = await settledHeapUsed();
    await round(1000);
    const afterTraced = await settledHeapUsed();
    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);
    process.stdout.write(
      `fetch: heap growth ${mb(afterUntraced - start)} MB untraced, ${mb(afterTraced - afterUntraced)} MB traced over 1000 calls\n`,
    );
    await forgetful.close();
    expect(ended).toBe(1250);
    expect(afterTraced - afterUntraced).toBeLessThan(2 * 1024 * 1024);
  }, 60_000);
});
