import { fixedSpan, collectWrites } from './fixed-span';
import { WaterfallSpanExporter } from '../../src/waterfall/waterfall-span-exporter';

function orphanOfTrace(n: number) {
  return fixedSpan({
    traceId: n.toString(16).padStart(32, '0'),
    spanId: '00000000000000b1',
    parentSpanId: '00000000000000a1',
    name: `job ${n}`,
    service: 'worker',
    startMs: 0,
    durationMs: 1,
  });
}

describe('bounded memory', () => {
  test('drops the oldest waiting trace beyond 100 and says how many it dropped', async () => {
    const out = collectWrites();
    const exporter = new WaterfallSpanExporter({ color: false, width: 80, write: out.write });
    for (let n = 1; n <= 102; n++) exporter.export([orphanOfTrace(n)], () => undefined);
    await exporter.forceFlush();
    const lines = out.output().split('\n');
    expect(lines.slice(0, 5)).toEqual([
      'waterfall: 2 traces dropped, too many waiting to print',
      'trace 00000000000000000000000000000003 · 1 span · 1.0ms · service worker',
      'worker job 3 INTERNAL                   1.0ms [████████████████████████████████]',
      '   parent 00000000000000a1 not seen',
      'trace 00000000000000000000000000000004 · 1 span · 1.0ms · service worker',
    ]);
    expect(lines.filter((line) => line.startsWith('trace ')).length).toBe(100);
    expect(lines.filter((line) => line.startsWith('waterfall: ')).length).toBe(1);
  });

  test('keeps at most 500 spans of one trace and counts the rest in the header', async () => {
    const out = collectWrites();
    const exporter = new WaterfallSpanExporter({ color: false, width: 80, write: out.write });
    const spans = Array.from({ length: 503 }, (_, n) =>
      fixedSpan({
        spanId: (n + 1).toString(16).padStart(16, '0'),
        parentSpanId: 'ffffffffffffffff',
        name: `step ${n}`,
        service: 'worker',
        startMs: n,
        durationMs: 1,
      }),
    );
    exporter.export(spans, () => undefined);
    await exporter.forceFlush();
    expect(out.output().split('\n')[0]).toBe(
      'trace 4bf92f3577b34da6a3ce929d0e0e4736 · 500 spans · 3 more dropped · 500.0ms ·…',
    );
  });
});
