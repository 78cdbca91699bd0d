export { start } from './start-tracing';
export { createTracerProvider } from './create-tracer-provider';
export { WaterfallSpanExporter } from './waterfall/waterfall-span-exporter';
export type { WaterfallOptions } from './waterfall/waterfall-options';
export type { Env, NodeTracing, NodeTracingOptions } from './types';
export type {
  ReadableSpan,
  Sampler,
  SpanExporter,
  SpanProcessor,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
