import { context, propagation, trace, type SpanContext } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  CompositePropagator,
  W3CBaggagePropagator,
  W3CTraceContextPropagator,
} from '@opentelemetry/core';
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  TracerProvider,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace';
import { beforeEach } from 'bun:test';

export interface TestSdk {
  /** Waits (up to 2 s) until `count` spans have ended, then returns every ended span. */
  spans(count: number): Promise<ReadableSpan[]>;
  readonly exporter: InMemorySpanExporter;
}

/**
 * One SDK for the whole process, registered as an app's `tracing.ts` would: a global
 * tracer provider, the AsyncLocalStorage context manager and the W3C propagators.
 * `bun test` runs every file in one process, and otelware keeps the global tracer it
 * finds, so the SDK is registered once (keyed on the global object, which `--isolate`
 * renews with the API's own globals).
 */
const SDK = Symbol.for('otelware.platforms.bun.sdk');

function register(): TestSdk {
  const exporter = new InMemorySpanExporter();
  const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });
  trace.setGlobalTracerProvider(provider);
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(
    new CompositePropagator({
      propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()],
    }),
  );
  async function spans(count: number): Promise<ReadableSpan[]> {
    const deadline = Date.now() + 2000;
    while (exporter.getFinishedSpans().length < count && Date.now() < deadline) {
      await Bun.sleep(5);
    }
    await Bun.sleep(20); // a span that should not exist has had its chance to end
    return exporter.getFinishedSpans();
  }
  return { exporter, spans };
}

/** The process's SDK, with the recorded spans cleared before each test of the calling file. */
export function useSdk(): TestSdk {
  const holder = globalThis as { [SDK]?: TestSdk };
  const sdk = (holder[SDK] ??= register());
  beforeEach(() => sdk.exporter.reset());
  return sdk;
}

/** The parent of `span`, as `traceId/spanId` (remote parents marked), for readable assertions. */
export function parentOf(span: ReadableSpan): string | undefined {
  const parent: SpanContext | undefined = span.parentSpanContext;
  if (parent === undefined) return undefined;
  return `${parent.traceId}/${parent.spanId}${parent.isRemote === true ? ' (remote)' : ''}`;
}

/** `traceId/spanId` of a span, to compare with `parentOf`. */
export function idOf(span: ReadableSpan): string {
  const { traceId, spanId } = span.spanContext();
  return `${traceId}/${spanId}`;
}
