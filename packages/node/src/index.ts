export { start } from './start-tracing';
export { createTracerProvider } from './create-tracer-provider';
export { WaterfallSpanExporter } from './waterfall';
export type { WaterfallOptions } from './waterfall';
export type { Env, NodeTracing, NodeTracingOptions } from './types';
export type {
  NodeTracerProvider,
  ReadableSpan,
  Sampler,
  SpanExporter,
  SpanProcessor,
} from '@opentelemetry/sdk-trace-node';
