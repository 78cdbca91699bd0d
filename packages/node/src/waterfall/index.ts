export { WaterfallSpanExporter } from './waterfall-span-exporter';
export type { WaterfallOptions } from './waterfall-options';
