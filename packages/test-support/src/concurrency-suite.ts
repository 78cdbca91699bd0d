import { HEAVY_TEST_TIMEOUT } from './reliability-budget';
import { SpanKind, trace } from '@opentelemetry/api';
import { AlwaysOnSampler } from '@opentelemetry/sdk-trace';
import http from 'node:http';
import type { ServerSubject } from './server-subject';
import { createTestProvider, waitFor } from './test-tracing';

/** The ids request `i` sends in its traceparent: distinct per request, never all zero. */
function idsOf(i: number): { traceId: string; parentId: string } {
  const n = (i + 1).toString(16);
  return { traceId: n.padStart(32, 'a'), parentId: n.padStart(16, 'b') };
}

/** A different way to wait for each request, so handlers resume interleaved. */
function randomAwait(i: number): Promise<unknown> {
  switch (i % 4) {
    case 0:
      return new Promise((resolve) => setTimeout(resolve, i % 7));
    case 1:
      return new Promise((resolve) => setImmediate(resolve));
    case 2:
      return Promise.resolve().then(() => undefined);
    default:
      return new Promise((resolve) => process.nextTick(resolve));
  }
}

interface SpanIds {
  readonly spanId: string;
  readonly traceId: string;
}

/** Sends GET `path` with `headers` on `agent` and resolves with the body. */
function get(port: number, path: string, headers: http.OutgoingHttpHeaders, agent: http.Agent) {
  return new Promise<string>((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path, headers, agent }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve(body));
    });
    request.on('error', reject);
  });
}

/**
 * `count` requests at once, each with its own incoming trace, whose handlers
 * await in different ways before and after starting a child span: every handler
 * sees its own server span, every span has the right parent, and the exporter
 * gets exactly one server span per request.
 */
export function concurrencySuite(subject: ServerSubject, count: number): void {
  it(
    `keeps ${count} concurrent requests apart: own span in each handler, right parents, one span each`,
    async () => {
      const sdk = createTestProvider(new AlwaysOnSampler());
      const work = sdk.provider.getTracer('reliability-test');
      const app = await subject.start(
        {
          async text(id) {
            const i = Number(id);
            await randomAwait(i);
            const before = trace.getActiveSpan()?.spanContext();
            const child = work.startSpan(`work ${id}`);
            await randomAwait(i + 1);
            child.end();
            const after = trace.getActiveSpan()?.spanContext();
            return JSON.stringify({ before, after });
          },
          stream: () => {
            throw new Error('not used');
          },
        },
        { tracerProvider: sdk.provider },
      );
      const agent = // all requests are sent at once; 256 connections carry them (thousands of connects
        // at once overflow the listen queue, and the kernel's retries take seconds)
        new http.Agent({ keepAlive: true, maxSockets: 256 });
      try {
        const bodies = await Promise.all(
          Array.from({ length: count }, (_, i) => {
            const { traceId, parentId } = idsOf(i);
            return get(
              app.port,
              `/items/${i}`,
              { traceparent: `00-${traceId}-${parentId}-01` },
              agent,
            );
          }),
        );
        await waitFor(() => sdk.exporter.getFinishedSpans().length >= 2 * count, 10_000);
        const spans = sdk.exporter.getFinishedSpans();
        const servers = spans.filter((span) => span.kind === SpanKind.SERVER);
        expect(servers).toHaveLength(count);
        expect(spans).toHaveLength(2 * count);
        const serverById = new Map(servers.map((span) => [span.spanContext().spanId, span]));
        const childByName = new Map(
          spans.filter((s) => s.kind === SpanKind.INTERNAL).map((s) => [s.name, s]),
        );

        // one line per request, compared at once: a readable diff, and fast for thousands
        const seen = bodies.map((body, i) => {
          const { before, after } = JSON.parse(body) as Record<'before' | 'after', SpanIds>;
          const server = serverById.get(before.spanId);
          const child = childByName.get(`work ${i}`);
          return [
            i,
            after.spanId === before.spanId ? 'same span after awaits' : 'span changed',
            server?.name,
            server?.attributes['url.path'],
            server?.spanContext().traceId,
            server?.parentSpanContext?.spanId,
            child?.spanContext().traceId,
            child?.parentSpanContext?.spanId === before.spanId ? 'child of it' : 'child elsewhere',
          ].join(' ');
        });
        const expected = bodies.map((_, i) => {
          const { traceId, parentId } = idsOf(i);
          const path = `/items/${i}`;
          return `${i} same span after awaits GET /items/:id ${path} ${traceId} ${parentId} ${traceId} child of it`;
        });
        expect(seen).toEqual(expected);
        expect(serverById.size).toBe(count);
      } finally {
        agent.destroy();
        await app.close();
      }
    },
    HEAVY_TEST_TIMEOUT,
  );
}
