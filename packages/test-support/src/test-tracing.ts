import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  CompositePropagator,
  W3CBaggagePropagator,
  W3CTraceContextPropagator,
} from '@opentelemetry/core';
import {
  TracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
  type Sampler,
} from '@opentelemetry/sdk-trace';

export interface TestProvider {
  readonly provider: TracerProvider;
  readonly exporter: InMemorySpanExporter;
  /** Waits (up to 2 s) until `count` spans have ended, then returns every ended span. */
  spans(count?: number): Promise<ReadableSpan[]>;
}

export interface TestTracing extends TestProvider {
  /** The ended SERVER spans, after waiting for `count` spans in all. */
  serverSpans(count?: number): Promise<ReadableSpan[]>;
}

async function waitForSpans(
  exporter: InMemorySpanExporter,
  count: number,
): Promise<ReadableSpan[]> {
  const deadline = Date.now() + 2000;
  while (exporter.getFinishedSpans().length < count && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  // one more turn, so a span that should not exist has had its chance to appear
  await new Promise((resolve) => setImmediate(resolve));
  return exporter.getFinishedSpans();
}

/** An SDK tracer provider that keeps finished spans in memory; registers nothing globally. */
export function createTestProvider(sampler?: Sampler): TestProvider {
  const exporter = new InMemorySpanExporter();
  const provider = new TracerProvider({
    ...(sampler === undefined ? {} : { sampler }),
    spanProcessors: [new SimpleSpanProcessor({ exporter })],
  });
  return { provider, exporter, spans: (count = 1) => waitForSpans(exporter, count) };
}

/**
 * Registers, for the whole test file, an in-memory SDK as the global tracer
 * provider, an AsyncLocalStorage context manager and the W3C trace-context and
 * baggage propagators, and clears the recorded spans before each test.
 */
export function useTestTracing(): TestTracing {
  const testProvider = createTestProvider();
  trace.setGlobalTracerProvider(testProvider.provider);
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(
    new CompositePropagator({
      propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()],
    }),
  );
  beforeEach(() => testProvider.exporter.reset());
  return {
    ...testProvider,
    serverSpans: async (count = 1) =>
      (await testProvider.spans(count)).filter((span) => span.kind === 1 /* SpanKind.SERVER */),
  };
}
