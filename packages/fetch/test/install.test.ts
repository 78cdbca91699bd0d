import { SpanKind } from '@opentelemetry/api';
import { useTestTracing } from '@otelware/test-support';
import { instrumentFetch, wrapFetch } from '../src';
import { startLocalServer, type LocalServer } from './local-server';

const otel = useTestTracing();
const nodeFetch = globalThis.fetch;
let server: LocalServer;

beforeAll(async () => {
  server = await startLocalServer();
});
afterAll(() => server.close());
afterEach(() => {
  globalThis.fetch = nodeFetch;
});

async function callAndCount(): Promise<{ clientSpans: number; traceparents: number }> {
  otel.exporter.reset();
  await fetch(`${server.origin}/`);
  const spans = await otel.spans(1);
  const names = server.received.at(-1)?.headerNames ?? [];
  return {
    clientSpans: spans.filter((span) => span.kind === SpanKind.CLIENT).length,
    traceparents: names.filter((name) => name === 'traceparent').length,
  };
}

describe('instrumentFetch', () => {
  it('traces calls made through the global fetch', async () => {
    instrumentFetch();
    expect(globalThis.fetch).not.toBe(nodeFetch);
    expect(await callAndCount()).toEqual({ clientSpans: 1, traceparents: 1 });
  });

  it('returns a function that restores exactly the original fetch', async () => {
    const uninstrument = instrumentFetch();
    uninstrument();
    expect(globalThis.fetch).toBe(nodeFetch);
    expect(await callAndCount()).toEqual({ clientSpans: 0, traceparents: 0 });
  });

  it('installed twice, wraps once: one span and one traceparent per call', async () => {
    instrumentFetch();
    const uninstrument = instrumentFetch();
    expect(await callAndCount()).toEqual({ clientSpans: 1, traceparents: 1 });
    uninstrument();
    expect(globalThis.fetch).toBe(nodeFetch);
  });

  it('applies the options of the latest install', async () => {
    instrumentFetch();
    instrumentFetch({ propagateTo: ['https://elsewhere.example'] });
    expect(await callAndCount()).toEqual({ clientSpans: 1, traceparents: 0 });
  });

  it('leaves a fetch that someone installed after it in place when uninstalled', () => {
    const uninstrument = instrumentFetch();
    const later = (() => Promise.reject(new Error('not called'))) as unknown as typeof fetch;
    globalThis.fetch = later;
    uninstrument();
    expect(globalThis.fetch).toBe(later);
  });

  it("keeps the wrapped fetch's own properties (Bun's fetch.preconnect)", async () => {
    const preconnect = jest.fn();
    const marker = Symbol('marker');
    const withExtras = Object.assign(
      (input: string, init?: RequestInit) => nodeFetch(input, init),
      { preconnect },
    );
    Object.defineProperty(withExtras, marker, { value: 'kept', enumerable: false });
    globalThis.fetch = withExtras as unknown as typeof fetch;
    const uninstrument = instrumentFetch();
    const traced = globalThis.fetch as unknown as typeof withExtras & Record<symbol, unknown>;
    expect(traced).not.toBe(withExtras);
    traced.preconnect('http://localhost:1');
    expect(preconnect).toHaveBeenCalledWith('http://localhost:1');
    expect(traced[marker]).toBe('kept');
    expect(await callAndCount()).toEqual({ clientSpans: 1, traceparents: 1 });
    uninstrument();
  });
});

describe('wrapFetch', () => {
  it('wraps a traced fetch as its original: one span and one traceparent per call', async () => {
    globalThis.fetch = wrapFetch(wrapFetch(nodeFetch));
    expect(await callAndCount()).toEqual({ clientSpans: 1, traceparents: 1 });
  });

  it('rejects a non-function at startup with a TypeError', () => {
    expect(() => wrapFetch(undefined as unknown as typeof fetch)).toThrow(TypeError);
  });
});
