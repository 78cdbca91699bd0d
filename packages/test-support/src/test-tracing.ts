import {
  context,
  propagation,
  trace,
  type Span,
  type Tracer,
  type TracerProvider as ApiTracerProvider,
} from '@opentelemetry/api';
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

/**
 * Wraps a tracer provider so every `span.end()` call is counted per span id:
 * proves that a span ends exactly once, which the SDK alone would hide (it
 * ignores a second `end`).
 */
export function countSpanEnds(inner: ApiTracerProvider): {
  provider: ApiTracerProvider;
  ends: Map<string, number>;
} {
  const ends = new Map<string, number>();
  const count = (span: Span): Span => {
    const end = span.end.bind(span);
    span.end = (endTime) => {
      const id = span.spanContext().spanId;
      ends.set(id, (ends.get(id) ?? 0) + 1);
      end(endTime);
    };
    return span;
  };
  const provider: ApiTracerProvider = {
    getTracer(name, version, options) {
      const tracer = inner.getTracer(name, version, options);
      return {
        startSpan: (spanName, spanOptions, ctx) =>
          count(tracer.startSpan(spanName, spanOptions, ctx)),
        startActiveSpan: tracer.startActiveSpan.bind(tracer),
      } as Tracer;
    },
  };
  return { provider, ends };
}

/**
 * Resolves once `condition()` holds, checking on every turn of the event loop
 * (a span ends a moment after the client saw the response), or after `timeoutMs`.
 */
export async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) {
    await new Promise((resolve) => setImmediate(resolve));
  }
}
