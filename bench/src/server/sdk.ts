import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BatchSpanProcessor,
  NodeTracerProvider,
  type ReadableSpan,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-node';
import type { ReportedSpan } from '../messages';

type ExportDone = Parameters<SpanExporter['export']>[1];

/**
 * The "discarding exporter" of the benchmark: drops every span, except while the
 * runner asked to keep them (only around the correctness check, never under load).
 */
export class DiscardingExporter implements SpanExporter {
  private kept: ReadableSpan[] | undefined;

  keep(): void {
    this.kept = [];
  }

  /** The spans kept since `keep()`; discarding again from now on. */
  take(): ReadableSpan[] {
    const kept = this.kept ?? [];
    this.kept = undefined;
    return kept;
  }

  export(spans: ReadableSpan[], done: ExportDone): void {
    if (this.kept !== undefined) this.kept.push(...spans);
    done({ code: 0 }); // ExportResultCode.SUCCESS
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

export interface RegisteredSdk {
  readonly provider: NodeTracerProvider;
  readonly exporter: DiscardingExporter;
}

let registered: RegisteredSdk | undefined;

/**
 * Registers the SDK as an application would: a NodeTracerProvider (AsyncLocalStorage
 * context manager, W3C propagators) with AlwaysOn or AlwaysOff sampling and a batch
 * processor in front of the discarding exporter. Once per process.
 */
export function registerSdk(sampled: boolean): RegisteredSdk {
  if (registered !== undefined) return registered;
  const exporter = new DiscardingExporter();
  const provider = new NodeTracerProvider({
    sampler: sampled ? new AlwaysOnSampler() : new AlwaysOffSampler(),
    spanProcessors: [new BatchSpanProcessor(exporter)],
  });
  provider.register();
  registered = { provider, exporter };
  return registered;
}

/** The SDK this process registered, if any (the official preload registers it before main runs). */
export function registeredSdk(): RegisteredSdk | undefined {
  return registered;
}

export function reportSpan(span: ReadableSpan): ReportedSpan {
  const context = span.spanContext();
  return {
    name: span.name,
    kind: span.kind,
    traceId: context.traceId,
    spanId: context.spanId,
    parentSpanId: span.parentSpanContext?.spanId,
    attributes: { ...span.attributes },
  };
}
