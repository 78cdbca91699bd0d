export { start } from './start-tracing';
export { createTracerProvider } from './create-tracer-provider';
export { WaterfallSpanExporter } from './waterfall';
export type { WaterfallOptions } from './waterfall';
export type { Env, NodeTracing, NodeTracingOptions } from './types';
export type {
  ReadableSpan,
  Sampler,
  SpanExporter,
  SpanProcessor,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
