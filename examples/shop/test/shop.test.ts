import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { ReadableSpan } from '@otelware/node';
import { runShop } from '../src/run-shop';
import { INCOMING_TRACEPARENT } from '../src/shop-requests';
import type { FlushableExporter } from '../src/shop-tracing';

/** Keeps every span the three services export, and what the demo writes. */
function collect() {
  const spans: ReadableSpan[] = [];
  const exporter: FlushableExporter = {
    export(batch, done) {
      spans.push(...batch);
      done({ code: 0 });
    },
    forceFlush: async () => undefined,
    shutdown: async () => undefined,
  };
  return { spans, exporter };
}

const service = (span: ReadableSpan) => span.resource.attributes['service.name'];
const line = (span: ReadableSpan) => `${service(span)} ${SpanKind[span.kind]} ${span.name}`;

/** The trace as indented lines, children under their parent, in start order. */
function tree(spans: ReadableSpan[]): string[] {
  const ids = new Set(spans.map((span) => span.spanContext().spanId));
  const children = (parentId: string | undefined) =>
    spans
      .filter((span) => {
        const parent = span.parentSpanContext?.spanId;
        return parentId === undefined
          ? parent === undefined || !ids.has(parent)
          : parent === parentId;
      })
      .sort((a, b) => a.startTime[0] - b.startTime[0] || a.startTime[1] - b.startTime[1]);
  const walk = (span: ReadableSpan, depth: number): string[] => [
    `${'  '.repeat(depth)}${line(span)}`,
    ...children(span.spanContext().spanId).flatMap((child) => walk(child, depth + 1)),
  ];
  return children(undefined).flatMap((root) => walk(root, 0));
}

let statuses: number[];
let output = '';
let traces: ReadableSpan[][];

beforeAll(async () => {
  const { spans, exporter } = collect();
  statuses = await runShop({ exporter, write: (text) => (output += text) });
  const byTrace = new Map<string, ReadableSpan[]>();
  for (const span of spans) {
    const id = span.spanContext().traceId;
    byTrace.set(id, [...(byTrace.get(id) ?? []), span]);
  }
  traces = [...byTrace.values()];
}, 20_000);

/** The trace whose gateway SERVER span answered `path`. */
function traceOf(path: string): ReadableSpan[] {
  const found = traces.filter((spans) =>
    spans.some((span) => span.kind === SpanKind.SERVER && span.attributes['url.path'] === path),
  );
  expect(found).toHaveLength(1);
  return found[0]!;
}

const named = (spans: ReadableSpan[], text: string) => spans.find((span) => line(span) === text)!;

describe('the shop demo', () => {
  it('answers each request as expected and writes one line per answer', () => {
    expect(statuses).toEqual([200, 200, 404, 500, 200]);
    expect(output.match(/^GET .* -> \d+$/gm)).toEqual([
      'GET /api/orders/1001 -> 200',
      'GET /api/users/8 -> 200',
      'GET /api/orders/4040 -> 404',
      'GET /api/orders/1003 -> 500',
      'GET /api/orders/1002 -> 200',
    ]);
    expect(traces).toHaveLength(5);
  });

  it('connects the three services in one trace: gateway → orders → users', () => {
    const spans = traceOf('/api/orders/1001');
    expect(tree(spans)).toEqual([
      'gateway SERVER GET /api/orders/:id',
      '  gateway CLIENT GET',
      '    orders SERVER GET /orders/:id',
      '      orders CLIENT GET',
      '        users SERVER GET /users/:id',
    ]);
    const [gateway, gatewayCall, orders, ordersCall, users] = [
      'gateway SERVER GET /api/orders/:id',
      'gateway CLIENT GET',
      'orders SERVER GET /orders/:id',
      'orders CLIENT GET',
      'users SERVER GET /users/:id',
    ].map((text) => named(spans, text));
    expect(gateway!.parentSpanContext).toBeUndefined();
    expect(orders!.parentSpanContext?.spanId).toBe(gatewayCall!.spanContext().spanId);
    expect(users!.parentSpanContext?.spanId).toBe(ordersCall!.spanContext().spanId);
    expect(users!.attributes['http.route']).toBe('/users/:id');
    expect(spans.every((span) => span.status.code === SpanStatusCode.UNSET)).toBe(true);
  });

  it('has the gateway call users straight for /api/users/:id', () => {
    expect(tree(traceOf('/api/users/8'))).toEqual([
      'gateway SERVER GET /api/users/:id',
      '  gateway CLIENT GET',
      '    users SERVER GET /users/:id',
    ]);
  });

  it('marks the 404 an error on the gateway CLIENT span only, as the spec says', () => {
    const spans = traceOf('/api/orders/4040');
    expect(tree(spans)).toEqual([
      'gateway SERVER GET /api/orders/:id',
      '  gateway CLIENT GET',
      '    orders SERVER GET /orders/:id',
    ]);
    const outcome = Object.fromEntries(
      spans.map((span) => [
        line(span),
        [
          span.attributes['http.response.status_code'],
          span.status.code,
          span.attributes['error.type'],
        ],
      ]),
    );
    expect(outcome).toEqual({
      'gateway SERVER GET /api/orders/:id': [404, SpanStatusCode.UNSET, undefined],
      'gateway CLIENT GET': [404, SpanStatusCode.ERROR, '404'],
      'orders SERVER GET /orders/:id': [404, SpanStatusCode.UNSET, undefined],
    });
  });

  it('shows the 500 from users all the way up, each span with its error.type', () => {
    const spans = traceOf('/api/orders/1003');
    expect(tree(spans)).toHaveLength(5);
    const errors = Object.fromEntries(
      spans.map((span) => [line(span), [span.status.code, span.attributes['error.type']]]),
    );
    expect(errors).toEqual({
      'users SERVER GET /users/:id': [SpanStatusCode.ERROR, 'UserStoreError'],
      'orders CLIENT GET': [SpanStatusCode.ERROR, '500'],
      'orders SERVER GET /orders/:id': [SpanStatusCode.ERROR, 'UpstreamError'],
      'gateway CLIENT GET': [SpanStatusCode.ERROR, '500'],
      'gateway SERVER GET /api/orders/:id': [SpanStatusCode.ERROR, 'UpstreamError'],
    });
  });

  it('continues the incoming traceparent through all three services', () => {
    const [, traceId, parentId] = INCOMING_TRACEPARENT.split('-');
    const spans = traceOf('/api/orders/1002');
    expect(tree(spans)).toHaveLength(5);
    expect(new Set(spans.map((span) => span.spanContext().traceId))).toEqual(new Set([traceId]));
    const gateway = named(spans, 'gateway SERVER GET /api/orders/:id');
    expect(gateway.parentSpanContext).toMatchObject({ spanId: parentId, isRemote: true });
  });
});
