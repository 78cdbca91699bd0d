import { WaterfallSpanExporter, type SpanExporter } from '@otelware/node';

/** The options of the terminal waterfall exporter that the shop uses. */
export interface WaterfallOptions {
  write?: (text: string) => void;
}

/** An exporter that can also print what it holds now. */
export type FlushableExporter = SpanExporter & { forceFlush(): Promise<void> };

/**
 * The terminal waterfall, typed by its final API (`new WaterfallSpanExporter(options)`,
 * a `SpanExporter` with `forceFlush`): @otelware/node still ships a placeholder class.
 */
export function createWaterfall(options: WaterfallOptions): FlushableExporter {
  const Waterfall = WaterfallSpanExporter as unknown as new (
    options: WaterfallOptions,
  ) => FlushableExporter;
  return new Waterfall(options);
}
