export { WaterfallSpanExporter } from './waterfall';
