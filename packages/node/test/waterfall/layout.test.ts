import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { WaterfallSpanExporter } from '../../src/waterfall/waterfall-span-exporter';
import type { WaterfallOptions } from '../../src/waterfall/waterfall-options';
import { checkoutTrace, collectWrites, fixedSpan, PLAIN_CHECKOUT } from './fixed-span';

function print(spans: ReturnType<typeof checkoutTrace>, options: WaterfallOptions = {}): string {
  const out = collectWrites();
  const exporter = new WaterfallSpanExporter({
    width: 100,
    settleMillis: 0,
    ...options,
    write: out.write,
  });
  exporter.export(spans, () => undefined);
  return out.output();
}

/** `{36}text{0}` → ANSI escapes, so coloured expectations stay readable. */
function ansi(text: string): string {
  return text.replace(/\{([\d;]+)\}/g, '\u001b[$1m');
}

describe('waterfall layout', () => {
  test('draws a multi-service trace as a tree in plain text', () => {
    expect(print(checkoutTrace(), { color: false })).toBe(PLAIN_CHECKOUT);
  });

  test('paints services, names, errors and bars when colour is on', () => {
    expect(print(checkoutTrace(), { color: true })).toBe(COLOURED_CHECKOUT);
  });

  test('orders siblings by start time, not by arrival', () => {
    const output = print([...checkoutTrace()].reverse(), { color: false });
    expect(output).toBe(PLAIN_CHECKOUT);
  });

  test('cuts long names with an ellipsis to keep the line width', () => {
    const span = fixedSpan({
      spanId: '00000000000000a1',
      name: 'GET /a/very/long/route/that/goes/on/and/on/and/on/for/ever',
      kind: SpanKind.SERVER,
      service: 'checkout',
      startMs: 0,
      durationMs: 1.5,
    });
    expect(print([span], { color: false, width: 60 })).toBe(
      [
        'trace 4bf92f3577b34da6a3ce929d0e0e4736 · 1 span · 1.5ms · s…',
        'checkout GET /a/very/lo…    1.5ms [████████████████████████]',
        '',
      ].join('\n'),
    );
  });

  test('replaces control characters from span data so they cannot restyle the terminal', () => {
    const span = fixedSpan({
      spanId: '00000000000000a1',
      name: 'GET \u001b[31m/x\n',
      service: 'checkout',
      startMs: 0,
      durationMs: 0.25,
      status: { code: SpanStatusCode.ERROR, message: 'line one\nline two' },
    });
    expect(print([span], { color: false, width: 60 })).toBe(
      [
        'trace 4bf92f3577b34da6a3ce929d0e0e4736 · 1 span · 250µs · s…',
        'checkout ✗ GET  [31m/x …    250µs [████████████████████████]',
        '   ERROR: line one line two',
        '',
      ].join('\n'),
    );
  });

  test('shows the first three events and counts the rest', () => {
    const span = fixedSpan({
      spanId: '00000000000000a1',
      name: 'work',
      service: 'worker',
      startMs: 0,
      durationMs: 2000,
      events: [1, 2, 3, 4, 5].map((n) => ({ name: `step ${n}`, atMs: n * 100 })),
    });
    expect(print([span], { color: false, width: 60 })).toBe(
      [
        'trace 4bf92f3577b34da6a3ce929d0e0e4736 · 1 span · 2.00s · s…',
        'worker work INTERNAL        2.00s [████████████████████████]',
        '   • +100.0ms step 1',
        '   • +200.0ms step 2',
        '   • +300.0ms step 3',
        '   • … 2 more events',
        '',
      ].join('\n'),
    );
  });
});

const COLOURED_CHECKOUT = ansi(
  [
    '{1}trace 4bf92f3577b34da6a3ce929d0e0e4736 · 4 spans · 25.0ms · services checkout, payments{0}',
    '{36}checkout{0} {1}GET /orders/:id{0} {2}SERVER{0}                    25.0ms [{36}████████████████████████████████████████{0}]',
    '{2}│  HTTP 502 · route /orders/:id{0}',
    '{2}├─ {0}{36}checkout{0} {1}SELECT orders{0} {2}CLIENT{0}                    3.3ms [ {36}██████{0}                                 ]',
    '{2}│     → db.internal:5432{0}',
    '{2}└─ {0}{36}checkout{0} {1;31}✗ POST{0} {2}CLIENT{0}                          12.0ms [           {1;31}████████████████████{0}         ]',
    '{2}   │  {0}{1;31}ERROR{0}{2} · HTTP 500 · {0}{1;31}error.type 500{0}{2} · → payments:8443{0}',
    '{2}   └─ {0}{35}payments{0} {1;31}✗ POST /charge{0} {2}SERVER{0}               10.0ms [            {1;31}█████████████████{0}           ]',
    '         {1;31}ERROR: card declined{0}{2} · HTTP 500 · route /charge · {0}{1;31}error.type CardError{0}',
    '{2}         • +9.0ms {0}{1;31}exception CardError: card declined{0}',
    '',
  ].join('\n'),
);
