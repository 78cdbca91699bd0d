import { context, propagation, ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import { AlwaysOffSampler } from '@opentelemetry/sdk-trace';
import { createTestProvider, useTestTracing } from '@otelware/test-support';
import { wrapFetch } from '../src';
import { startLocalServer, type LocalServer } from './local-server';

const otel = useTestTracing();
const tracedFetch = wrapFetch(fetch);
let server: LocalServer;

beforeAll(async () => {
  server = await startLocalServer();
});
afterAll(() => server.close());

function occurrences(name: string): number {
  return server.received.at(-1)?.headerNames.filter((header) => header === name).length ?? 0;
}

async function clientTraceparent(): Promise<string> {
  const [span] = await otel.spans(1);
  expect(span?.kind).toBe(SpanKind.CLIENT);
  const { traceId, spanId } = span!.spanContext();
  return `00-${traceId}-${spanId}-01`;
}

describe('trace headers on the outgoing request', () => {
  const shapes: Array<[string, () => [unknown, RequestInit?]]> = [
    ['a string URL', () => [`${server.origin}/`, { headers: { 'x-caller': '1' } }]],
    ['a URL object', () => [new URL(`${server.origin}/`), { headers: { 'x-caller': '1' } }]],
    ['a Request', () => [new Request(`${server.origin}/`, { headers: { 'x-caller': '1' } })]],
    [
      'a Request with headers in init, which replace its own',
      () => [
        new Request(`${server.origin}/`, { headers: { 'x-replaced': '1' } }),
        { headers: { 'x-caller': '1' } },
      ],
    ],
    [
      'a Headers instance',
      () => [`${server.origin}/`, { headers: new Headers({ 'x-caller': '1' }) }],
    ],
    ['a plain object', () => [`${server.origin}/`, { headers: { 'x-caller': '1' } }]],
    ['an array of pairs', () => [`${server.origin}/`, { headers: [['x-caller', '1']] }]],
  ];

  it.each(shapes)(
    'carry the CLIENT span as parent, once, beside the caller’s headers, given %s',
    async (_shape, args) => {
      const [input, init] = args();
      const response = await tracedFetch(input as string, init);
      expect(response.status).toBe(200);
      const received = server.received.at(-1)!;
      expect(received.headers.traceparent).toBe(await clientTraceparent());
      expect(occurrences('traceparent')).toBe(1);
      expect(received.headers['x-caller']).toBe('1');
      expect(received.headers['x-replaced']).toBeUndefined();
    },
  );

  it('sends the same traceparent on every hop of a redirect, which one span covers', async () => {
    const before = server.received.length;
    const response = await tracedFetch(`${server.origin}/redirect`);
    expect(await response.text()).toBe('status 200');
    const hops = server.received.slice(before);
    expect(hops.map((hop) => hop.url)).toEqual(['/redirect', '/status/200']);
    const traceparent = await clientTraceparent();
    expect(hops.map((hop) => hop.headers.traceparent)).toEqual([traceparent, traceparent]);
  });

  it('adds them to a call with no headers at all', async () => {
    await tracedFetch(`${server.origin}/`);
    expect(server.received.at(-1)?.headers.traceparent).toBe(await clientTraceparent());
  });

  it('never changes the caller’s Headers, header object, pairs, init or Request', async () => {
    const headers = new Headers({ 'x-caller': '1' });
    const init = Object.freeze({ method: 'GET', headers });
    const plain = Object.freeze({ 'x-caller': '1' });
    const pairs: Array<[string, string]> = [['x-caller', '1']];
    const requestObject = new Request(`${server.origin}/`, { headers: { 'x-caller': '1' } });

    await tracedFetch(`${server.origin}/`, init);
    await tracedFetch(`${server.origin}/`, { headers: plain });
    await tracedFetch(`${server.origin}/`, { headers: pairs });
    await tracedFetch(requestObject);

    expect([...headers]).toEqual([['x-caller', '1']]);
    expect(init).toEqual({ method: 'GET', headers });
    expect(plain).toEqual({ 'x-caller': '1' });
    expect(pairs).toEqual([['x-caller', '1']]);
    expect([...requestObject.headers]).toEqual([['x-caller', '1']]);
    expect(server.received.every((r) => r.headers.traceparent !== undefined)).toBe(true);
  });

  it('keeps a traceparent the caller set, and adds no tracestate of ours to it', async () => {
    const theirs = '00-11111111111111111111111111111111-2222222222222222-01';
    const parent = propagation.extract(ROOT_CONTEXT, {
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
      tracestate: 'vendor=ours',
    });
    await context.with(parent, () =>
      tracedFetch(`${server.origin}/`, { headers: { TraceParent: theirs } }),
    );
    const received = server.received.at(-1)!;
    expect(received.headers.traceparent).toBe(theirs);
    expect(occurrences('traceparent')).toBe(1);
    expect(received.headers.tracestate).toBeUndefined();
  });

  it('carries tracestate and baggage of the active context', async () => {
    const remote = propagation.extract(ROOT_CONTEXT, {
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
      tracestate: 'congo=t61rcWkgMzE,rojo=00f067aa0ba902b7',
    });
    const withBaggage = propagation.setBaggage(
      remote,
      propagation.createBaggage({ tenant: { value: 'acme' } }),
    );
    await context.with(withBaggage, () => tracedFetch(`${server.origin}/`));
    const received = server.received.at(-1)!;
    expect(received.headers.traceparent).toMatch(/^00-0af7651916cd43dd8448eb211c80319c-/);
    expect(received.headers.tracestate).toBe('congo=t61rcWkgMzE,rojo=00f067aa0ba902b7');
    expect(received.headers.baggage).toBe('tenant=acme');
  });

  it('keeps the caller’s own baggage header instead of adding a second one', async () => {
    const withBaggage = propagation.setBaggage(
      context.active(),
      propagation.createBaggage({ tenant: { value: 'acme' } }),
    );
    await context.with(withBaggage, () =>
      tracedFetch(`${server.origin}/`, { headers: { baggage: 'mine=1' } }),
    );
    expect(server.received.at(-1)?.headers.baggage).toBe('mine=1');
    expect(occurrences('baggage')).toBe(1);
  });

  it('never sends an empty tracestate header, even when a propagator writes one', async () => {
    const emptyState = wrapFetch(fetch, {
      propagator: {
        inject: (_ctx, carrier, setter) => {
          setter.set(
            carrier,
            'traceparent',
            '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
          );
          setter.set(carrier, 'tracestate', '');
        },
        extract: (ctx) => ctx,
        fields: () => ['traceparent', 'tracestate'],
      },
    });
    await emptyState(`${server.origin}/`);
    expect(occurrences('traceparent')).toBe(1);
    expect(occurrences('tracestate')).toBe(0);
  });

  it('propagates an unsampled decision (flags 00) without recording a span', async () => {
    const unsampled = createTestProvider(new AlwaysOffSampler());
    const fetchUnsampled = wrapFetch(fetch, { tracerProvider: unsampled.provider });
    await fetchUnsampled(`${server.origin}/`);
    expect(server.received.at(-1)?.headers.traceparent).toMatch(
      /^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/,
    );
    expect(await unsampled.spans(0)).toEqual([]);
  });

  it('hands an unsampled call fetch’s own promise: the headers are added, nothing is chained on', async () => {
    const unsampled = createTestProvider(new AlwaysOffSampler());
    let returned: Promise<Response> | undefined;
    const inner = (input: string | URL | Request, init?: RequestInit) =>
      (returned = fetch(input, init));
    const fetchUnsampled = wrapFetch(inner, { tracerProvider: unsampled.provider });
    const pending = fetchUnsampled(`${server.origin}/`);
    expect(pending).toBe(returned);
    expect((await pending).status).toBe(200);
    expect(server.received.at(-1)?.headers.traceparent).toMatch(/-00$/);
  });

  it('uses the propagator option instead of the global one', async () => {
    const fields: string[] = [];
    const custom = wrapFetch(fetch, {
      propagator: {
        inject: (ctx, carrier, setter) => {
          const span = trace.getSpan(ctx)!.spanContext();
          setter.set(carrier, 'x-trace-id', span.traceId);
        },
        extract: (ctx) => ctx,
        fields: () => fields,
      },
    });
    await custom(`${server.origin}/`);
    const [span] = await otel.spans(1);
    expect(server.received.at(-1)?.headers['x-trace-id']).toBe(span?.spanContext().traceId);
    expect(server.received.at(-1)?.headers.traceparent).toBeUndefined();
  });
});
