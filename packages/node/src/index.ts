export { WaterfallSpanExporter } from './waterfall';
export type { WaterfallOptions } from './waterfall';
