import { diag } from '@opentelemetry/api';
import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import { WaterfallSpanExporter } from '../../src/waterfall/waterfall-span-exporter';
import { checkoutTrace, collectWrites } from './fixed-span';

const [dbCall, , , checkoutServer] = checkoutTrace() as ReadableSpan[];

function exportNow(exporter: WaterfallSpanExporter, spans: ReadableSpan[]): ExportResult {
  let result: ExportResult | undefined;
  exporter.export(spans, (r) => (result = r));
  if (!result) throw new Error('export did not call back');
  return result;
}

const ORPHAN_BLOCK = [
  'trace 4bf92f3577b34da6a3ce929d0e0e4736 · 1 span · 3.3ms · service checkout',
  'checkout SELECT orders CLIENT                       3.3ms [████████████████████████████████████████]',
  '   parent 00000000000000a1 not seen · → db.internal:5432',
  '',
].join('\n');

describe('exporter lifecycle', () => {
  afterEach(() => jest.restoreAllMocks());

  test('forceFlush prints every waiting trace, orphans included, and leaves nothing behind', async () => {
    jest.useFakeTimers();
    const out = collectWrites();
    const exporter = new WaterfallSpanExporter({ color: false, width: 100, write: out.write });
    expect(exportNow(exporter, [dbCall!])).toEqual({ code: ExportResultCode.SUCCESS });
    await exporter.forceFlush();
    expect(out.output()).toBe(ORPHAN_BLOCK);
    jest.advanceTimersByTime(10_000);
    expect(out.output()).toBe(ORPHAN_BLOCK);
    jest.useRealTimers();
  });

  test('shutdown flushes once; later exports fail without printing', async () => {
    const out = collectWrites();
    const exporter = new WaterfallSpanExporter({ color: false, width: 100, write: out.write });
    exportNow(exporter, [dbCall!]);
    await exporter.shutdown();
    await exporter.shutdown();
    expect(out.output()).toBe(ORPHAN_BLOCK);
    expect(exportNow(exporter, [checkoutServer!]).code).toBe(ExportResultCode.FAILED);
    await exporter.forceFlush();
    expect(out.output()).toBe(ORPHAN_BLOCK);
  });

  test('prints what is still waiting when the event loop runs dry (beforeExit)', async () => {
    const out = collectWrites();
    const exporter = new WaterfallSpanExporter({ color: false, width: 100, write: out.write });
    exportNow(exporter, [dbCall!]);
    process.emit('beforeExit', 0);
    expect(out.output()).toBe(ORPHAN_BLOCK);
    await exporter.shutdown();
  });

  test('a shut down exporter is no longer flushed before exit', async () => {
    const flushes = jest.fn();
    const exporter = new WaterfallSpanExporter({ write: () => undefined });
    jest.spyOn(exporter, 'forceFlush').mockImplementation(async () => flushes());
    await exporter.shutdown();
    flushes.mockClear();
    process.emit('beforeExit', 0);
    expect(flushes).not.toHaveBeenCalled();
  });

  test('a write that throws fails the export instead of throwing', () => {
    jest.spyOn(diag, 'error').mockImplementation(() => undefined);
    const exporter = new WaterfallSpanExporter({
      settleMillis: 0,
      write: () => {
        throw new Error('stdout closed');
      },
    });
    const result = exportNow(exporter, [checkoutServer!]);
    expect(result.code).toBe(ExportResultCode.FAILED);
    expect(result.error?.message).toBe('stdout closed');
  });

  test('a write that throws from a timer is reported through diag, not thrown', () => {
    jest.useFakeTimers();
    const reported = jest.spyOn(diag, 'error').mockImplementation(() => undefined);
    const exporter = new WaterfallSpanExporter({
      orphanTimeoutMillis: 10,
      write: () => {
        throw new Error('stdout closed');
      },
    });
    expect(exportNow(exporter, [dbCall!]).code).toBe(ExportResultCode.SUCCESS);
    expect(() => jest.advanceTimersByTime(10)).not.toThrow();
    expect(reported).toHaveBeenCalledWith(
      '@otelware/node: WaterfallSpanExporter failed printing a trace',
      new Error('stdout closed'),
    );
    jest.useRealTimers();
  });

  test('a malformed span fails the export but the rest of the batch still prints', () => {
    jest.spyOn(diag, 'error').mockImplementation(() => undefined);
    const out = collectWrites();
    const exporter = new WaterfallSpanExporter({
      color: false,
      width: 100,
      settleMillis: 0,
      write: out.write,
    });
    const broken = { name: 'no span context' } as unknown as ReadableSpan;
    expect(exportNow(exporter, [broken, checkoutServer!]).code).toBe(ExportResultCode.FAILED);
    expect(out.output()).toMatch(/^trace 4bf92f3577b34da6a3ce929d0e0e4736 · 1 span · 25.0ms/);
  });

  test('its timers never keep the process alive', () => {
    const timers: NodeJS.Timeout[] = [];
    const realSetTimeout = setTimeout;
    jest.spyOn(global, 'setTimeout').mockImplementation(((
      ...args: Parameters<typeof setTimeout>
    ) => {
      const timer = realSetTimeout(...args);
      timers.push(timer);
      return timer;
    }) as typeof setTimeout);
    const exporter = new WaterfallSpanExporter({ write: () => undefined });
    exportNow(exporter, [dbCall!]);
    exportNow(exporter, [checkoutServer!]);
    expect(timers).toHaveLength(2);
    expect(timers.map((timer) => timer.hasRef())).toEqual([false, false]);
    void exporter.shutdown();
  });
});
