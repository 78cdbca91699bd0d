import { context, propagation, trace } from '@opentelemetry/api';
import type * as ContextAsyncHooks from '@opentelemetry/context-async-hooks';
import type * as Core from '@opentelemetry/core';
import type * as SdkTrace from '@opentelemetry/sdk-trace';
import type {
  ReadableSpan,
  TracerProvider as SdkTracerProvider,
  SpanExporter,
} from '@opentelemetry/sdk-trace';
import type { ReportedSpan } from '../messages';
import { sdkRequire } from '../sdk-require';

// The SDK line of this process (OTELWARE_SDK): its packages, with the types of line 3,
// whose API surface line 2's `@opentelemetry/sdk-trace` 2.x shares.
const sdk = sdkRequire();
const { AsyncLocalStorageContextManager } = sdk(
  '@opentelemetry/context-async-hooks',
) as typeof ContextAsyncHooks;
const { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } = sdk(
  '@opentelemetry/core',
) as typeof Core;
const { AlwaysOffSampler, AlwaysOnSampler, BatchSpanProcessor, TracerProvider } = sdk(
  '@opentelemetry/sdk-trace',
) as typeof SdkTrace;

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
  readonly provider: SdkTracerProvider;
  readonly exporter: DiscardingExporter;
}

let registered: RegisteredSdk | undefined;

/**
 * Registers the SDK as an application does (the set-up of `@opentelemetry/sdk-trace`'s
 * README): the AsyncLocalStorage context manager, the W3C trace-context and baggage
 * propagators, and a TracerProvider with AlwaysOn or AlwaysOff sampling and a batch
 * processor in front of the discarding exporter, all set as the API's globals. Once per
 * process.
 */
export function registerSdk(sampled: boolean): RegisteredSdk {
  if (registered !== undefined) return registered;
  const exporter = new DiscardingExporter();
  const provider = new TracerProvider({
    sampler: sampled ? new AlwaysOnSampler() : new AlwaysOffSampler(),
    spanProcessors: [new BatchSpanProcessor({ exporter })],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(
    new CompositePropagator({
      propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()],
    }),
  );
  trace.setGlobalTracerProvider(provider);
  registered = { provider, exporter };
  return registered;
}

/**
 * Sets the SDK up through `@otelware/node`'s `start()`, as its users do, with the same
 * AlwaysOn sampler and discarding exporter as `registerSdk` and no metrics (the `env`
 * option keeps the process's variables out). Line 3 only: `@otelware/node` is loaded
 * here, never on line 2.
 */
export async function startSdk(): Promise<RegisteredSdk> {
  if (registered !== undefined) return registered;
  const { start } = await import('@otelware/node');
  const exporter = new DiscardingExporter();
  const handle = start({
    sampler: new AlwaysOnSampler(),
    exporter,
    env: { OTEL_METRICS_EXPORTER: 'none' },
  });
  registered = { provider: handle.tracerProvider as SdkTracerProvider, exporter };
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
