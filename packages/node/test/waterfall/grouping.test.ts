import { SpanKind } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import { WaterfallSpanExporter } from '../../src/waterfall/waterfall-span-exporter';
import {
  checkoutTrace,
  collectWrites,
  fixedSpan,
  OTHER_TRACE_ID,
  PLAIN_CHECKOUT,
} from './fixed-span';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

function exporterWith(options: { settleMillis?: number; orphanTimeoutMillis?: number }) {
  const out = collectWrites();
  const exporter = new WaterfallSpanExporter({
    color: false,
    width: 100,
    ...options,
    write: out.write,
  });
  const send = (spans: ReadableSpan[]) => exporter.export(spans, () => undefined);
  return { exporter, send, output: out.output };
}

const [dbCall, paymentsServer, paymentsCall, checkoutServer] = checkoutTrace() as [
  ReadableSpan,
  ReadableSpan,
  ReadableSpan,
  ReadableSpan,
];

describe('grouping spans into traces', () => {
  test('merges spans from two exports into one tree', () => {
    const { send, output } = exporterWith({ settleMillis: 0 });
    send([dbCall, paymentsServer]);
    send([paymentsCall, checkoutServer]);
    expect(output()).toBe(PLAIN_CHECKOUT);
  });

  test('waits settleMillis after the root for spans from another provider’s batch', () => {
    const { send, output } = exporterWith({ settleMillis: 50 });
    send([dbCall, paymentsCall, checkoutServer]);
    jest.advanceTimersByTime(49);
    expect(output()).toBe('');
    send([paymentsServer]);
    jest.advanceTimersByTime(1);
    expect(output()).toMatch(/^trace 4bf92f3577b34da6a3ce929d0e0e4736 · 4 spans · 25.0ms/);
  });

  test('does not push the settle deadline back for each straggler', () => {
    const { send, output } = exporterWith({ settleMillis: 50 });
    send([checkoutServer]);
    jest.advanceTimersByTime(40);
    send([dbCall]);
    jest.advanceTimersByTime(10);
    expect(output()).toMatch(/^trace 4bf92f3577b34da6a3ce929d0e0e4736 · 2 spans · 25.0ms/);
  });

  test('prints spans whose parent never arrives after the orphan timeout, marked', () => {
    const { send, output } = exporterWith({ orphanTimeoutMillis: 2000 });
    send([dbCall]);
    jest.advanceTimersByTime(1500);
    send([paymentsServer]); // a new span restarts the wait
    jest.advanceTimersByTime(1999);
    expect(output()).toBe('');
    jest.advanceTimersByTime(1);
    expect(output()).toBe(
      [
        'trace 4bf92f3577b34da6a3ce929d0e0e4736 · 2 spans · 17.0ms · services checkout, payments',
        'checkout SELECT orders CLIENT                       3.3ms [████████                                ]',
        '   parent 00000000000000a1 not seen · → db.internal:5432',
        'payments ✗ POST /charge SERVER                     10.0ms [                ████████████████████████]',
        '   parent 00000000000000c2 (remote) not seen · ERROR: card declined · HTTP 500 · route /charge · er…',
        '   • +9.0ms exception CardError: card declined',
        '',
      ].join('\n'),
    );
  });

  test('prints spans that arrive after their trace was printed as a late block', () => {
    const { send, output } = exporterWith({ settleMillis: 0 });
    send([checkoutServer]);
    send([dbCall]);
    expect(output()).toBe(
      [
        'trace 4bf92f3577b34da6a3ce929d0e0e4736 · 1 span · 25.0ms · service checkout',
        'checkout GET /orders/:id SERVER                    25.0ms [████████████████████████████████████████]',
        '   HTTP 502 · route /orders/:id',
        'trace 4bf92f3577b34da6a3ce929d0e0e4736 · late · 1 span · 3.3ms · service checkout',
        'checkout SELECT orders CLIENT                       3.3ms [████████████████████████████████████████]',
        '   parent 00000000000000a1 printed above · → db.internal:5432',
        '',
      ].join('\n'),
    );
  });

  test('keeps traces apart, each printed when it is ready', () => {
    const { send, output } = exporterWith({ settleMillis: 0 });
    const otherRoot = fixedSpan({
      traceId: OTHER_TRACE_ID,
      spanId: '00000000000000f1',
      name: 'GET /health',
      kind: SpanKind.SERVER,
      service: 'checkout',
      startMs: 5,
      durationMs: 0.5,
    });
    send([dbCall, otherRoot, checkoutServer]);
    expect(output()).toBe(
      [
        'trace 4bf92f3577b34da6a3ce929d0e0e4736 · 2 spans · 25.0ms · service checkout',
        'checkout GET /orders/:id SERVER                    25.0ms [████████████████████████████████████████]',
        '│  HTTP 502 · route /orders/:id',
        '└─ checkout SELECT orders CLIENT                    3.3ms [ ██████                                 ]',
        '      → db.internal:5432',
        'trace 0af7651916cd43dd8448eb211c80319c · 1 span · 500µs · service checkout',
        'checkout GET /health SERVER                         500µs [████████████████████████████████████████]',
        '',
      ].join('\n'),
    );
  });
});
