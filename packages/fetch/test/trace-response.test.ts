import { TraceFlags } from '@opentelemetry/api';
import { useTestTracing } from '@otelware/test-support';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { wrapFetch } from '../src';

const otel = useTestTracing();
const tracedFetch = wrapFetch(fetch);

const OTHER_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLEE_SPAN = '00f067aa0ba902b7';

let server: Server;
let origin: string;

/**
 * Answers with the `traceresponse` named by the path: `/other` a span of another
 * trace, `/same` a span of the caller's trace (read from its `traceparent`),
 * `/malformed` an invalid value.
 */
beforeAll(async () => {
  server = createServer((req, res) => {
    const incoming = String(req.headers['traceparent'] ?? '');
    const callerTrace = incoming.slice(3, 35);
    const values: Record<string, string> = {
      '/other': `00-${OTHER_TRACE}-${CALLEE_SPAN}-01`,
      '/same': `00-${callerTrace}-${CALLEE_SPAN}-01`,
      '/malformed': `00-${OTHER_TRACE.toUpperCase()}-${CALLEE_SPAN}-01`,
    };
    const value = values[req.url ?? ''];
    if (value !== undefined) res.setHeader('traceresponse', value);
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("a response's traceresponse header on the CLIENT span", () => {
  it("links the span to the callee's span when the callee answered in another trace", async () => {
    const response = await tracedFetch(`${origin}/other`);
    expect(await response.text()).toBe('ok');
    const [span] = await otel.spans(1);
    expect(span?.spanContext().traceId).not.toBe(OTHER_TRACE);
    expect(span?.links.map((link) => link.context)).toEqual([
      { traceId: OTHER_TRACE, spanId: CALLEE_SPAN, traceFlags: TraceFlags.SAMPLED, isRemote: true },
    ]);
  });

  it('adds no link when the callee answered in the same trace', async () => {
    await tracedFetch(`${origin}/same`);
    const [span] = await otel.spans(1);
    expect(span?.links).toEqual([]);
  });

  it('adds no link for a malformed traceresponse', async () => {
    await tracedFetch(`${origin}/malformed`);
    const [span] = await otel.spans(1);
    expect(span?.links).toEqual([]);
  });
});
