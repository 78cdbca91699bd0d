import type {
  Attributes,
  MeterProvider,
  TextMapPropagator,
  TracerProvider,
} from '@opentelemetry/api';
import type { MetricReader } from '@opentelemetry/sdk-metrics';
import type { Sampler, SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace';

/** Environment variables as `process.env` holds them. */
export type Env = Readonly<Record<string, string | undefined>>;

/**
 * Options of `start()` and `createTracerProvider()`. All are optional: without
 * any, everything comes from the standard `OTEL_*` environment variables.
 */
export interface NodeTracingOptions {
  /**
   * The `service.name` resource attribute.
   * @default `OTEL_SERVICE_NAME`, else `service.name` in `OTEL_RESOURCE_ATTRIBUTES`,
   * else `unknown_service:node`
   */
  serviceName?: string;
  /** More resource attributes, over those of `OTEL_RESOURCE_ATTRIBUTES`. */
  resourceAttributes?: Attributes;
  /**
   * Decides which traces are recorded.
   * @default from `OTEL_TRACES_SAMPLER` / `OTEL_TRACES_SAMPLER_ARG`, else `parentbased_always_on`
   */
  sampler?: Sampler;
  /**
   * Where finished spans go, through a `BatchSpanProcessor` (set by `OTEL_BSP_*`). Replaces
   * the exporter the environment would choose.
   * @default OTLP over HTTP when an OTLP endpoint is set or `OTEL_TRACES_EXPORTER=otlp`,
   * nothing for `none`, else the terminal waterfall
   */
  exporter?: SpanExporter;
  /** Span processors to add beside the exporter's `BatchSpanProcessor`. */
  spanProcessors?: SpanProcessor[];
  /**
   * Metric readers to add beside those the environment chooses (e.g. a Prometheus
   * exporter, or an in-memory reader in tests). With any, `start()` registers a
   * meter provider even when `OTEL_METRICS_EXPORTER` asks for none.
   */
  metricReaders?: MetricReader[];
  /**
   * The global propagator `start()` registers (`createTracerProvider()` registers nothing).
   * @default otelware's spec-exact W3C Trace Context (`TraceContextPropagator`) + W3C Baggage
   */
  propagator?: TextMapPropagator;
  /**
   * Read instead of `process.env` for the variables otelware decides on (`OTEL_SDK_DISABLED`,
   * `OTEL_SERVICE_NAME`, `OTEL_RESOURCE_ATTRIBUTES`, `OTEL_TRACES_SAMPLER[_ARG]`,
   * `OTEL_TRACES_EXPORTER`, `OTEL_METRICS_EXPORTER`, the OTLP endpoint and protocol,
   * `OTEL_BSP_*`, the span limits, `OTEL_METRIC_EXPORT_*`, `OTEL_LOG_LEVEL`). The official
   * OTLP exporters still read their own settings (endpoint, headers, timeout) from
   * `process.env`.
   * @default process.env
   */
  env?: Env;
}

/** What `start()` returns. */
export interface NodeTracing {
  /** The registered provider, or the API's no-op one when `OTEL_SDK_DISABLED=true`. */
  readonly tracerProvider: TracerProvider;
  /**
   * The registered meter provider (the HTTP duration histograms go there), or
   * `undefined` when metrics have nowhere to go.
   */
  readonly meterProvider?: MeterProvider;
  /** Exports every finished span now (the terminal waterfall prints them). Never rejects. */
  forceFlush(): Promise<void>;
  /** Flushes, then shuts the SDK down and removes the signal hooks. Once; never rejects. */
  shutdown(): Promise<void>;
}
