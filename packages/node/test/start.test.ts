import {
  context,
  createContextKey,
  diag,
  DiagLogLevel,
  propagation,
  trace,
  type Context,
  type ProxyTracerProvider,
} from '@opentelemetry/api';
import { MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import {
  InMemorySpanExporter,
  TracerProvider,
  type ReadableSpan,
  type SpanExporter,
} from '@opentelemetry/sdk-trace';
import { createTracerProvider, start } from '../src';
import { useDiagSpy } from './diag-spy';
import { resetStart } from './reset-start';

const diagSpy = useDiagSpy();
afterEach(resetStart);

/** The provider behind the API's global proxy. */
const registeredProvider = () => (trace.getTracerProvider() as ProxyTracerProvider).getDelegate();

/** An exporter that records what it got and whether it was flushed and shut down. */
function recordingExporter() {
  const spans: ReadableSpan[] = [];
  const calls: string[] = [];
  const exporter: SpanExporter = {
    export(batch, done) {
      spans.push(...batch);
      calls.push(`export ${batch.map((span) => span.name).join(',')}`);
      done({ code: 0 });
    },
    forceFlush: async () => void calls.push('forceFlush'),
    shutdown: async () => void calls.push('shutdown'),
  };
  return { exporter, spans, calls };
}

/** A diag logger whose `error` throws, as a broken logging set-up might. */
function useThrowingDiagLogger(): void {
  const ignore = () => undefined;
  const fail = () => {
    throw new Error('logger broken');
  };
  diag.setLogger(
    { error: fail, warn: ignore, info: ignore, debug: ignore, verbose: ignore },
    { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true },
  );
}

describe('start()', () => {
  it('registers the provider, the AsyncLocalStorage context manager and the W3C propagators', async () => {
    const { exporter, spans } = recordingExporter();
    const tracing = start({ serviceName: 'svc', exporter, env: {} });
    expect(registeredProvider()).toBe(tracing.tracerProvider);

    const tracer = trace.getTracer('test');
    let carrier: Record<string, string> = {};
    await tracer.startActiveSpan('parent', async (parent) => {
      await new Promise((resolve) => setTimeout(resolve, 1)); // across an async hop
      tracer.startSpan('child').end();
      propagation.inject(context.active(), (carrier = {}));
      parent.end();
    });
    await tracing.forceFlush();

    const [child, parent] = spans;
    expect(child?.parentSpanContext?.spanId).toBe(parent?.spanContext().spanId);
    expect(parent?.resource.attributes['service.name']).toBe('svc');
    // sampled, and the W3C Level 2 random flag: otelware's propagator, on a trace started here
    expect(carrier.traceparent).toBe(
      `00-${parent?.spanContext().traceId}-${parent?.spanContext().spanId}-03`,
    );
    const extracted: Context = propagation.extract(context.active(), {
      traceparent: carrier.traceparent,
      baggage: 'k=v',
    });
    expect(propagation.getBaggage(extracted)?.getEntry('k')?.value).toBe('v');
  });

  it('returns the first handle when called again, warning only if the options differ', () => {
    const first = start({ env: { OTEL_TRACES_EXPORTER: 'none' } });
    expect(start({ env: { OTEL_TRACES_EXPORTER: 'none' } })).toBe(first);
    expect(diagSpy.warnings).toEqual([]);
    expect(start({ serviceName: 'other' })).toBe(first);
    expect(diagSpy.warnings).toEqual([
      '@otelware/node: start() was already called; these options are ignored',
    ]);
    expect(diagSpy.errors).toEqual([]); // nothing registered twice
  });

  it('flushes on shutdown: spans still queued in the batch processor are exported, once', async () => {
    const { exporter, calls } = recordingExporter();
    const tracing = start({ exporter, env: {} });
    trace.getTracer('test').startSpan('queued').end();
    expect(calls).toEqual([]); // the batch processor waits up to 5 s

    await Promise.all([tracing.shutdown(), tracing.shutdown()]);
    await tracing.shutdown();
    expect(calls).toEqual(['export queued', 'forceFlush', 'shutdown']);
  });

  it('takes the sampler, extra span processors and propagator from the options', async () => {
    const { exporter, spans } = recordingExporter();
    const extra = new InMemorySpanExporter();
    const { SimpleSpanProcessor, AlwaysOffSampler } = await import('@opentelemetry/sdk-trace');
    const propagator = { inject: jest.fn(), extract: (ctx: Context) => ctx, fields: () => [] };
    const tracing = start({
      exporter,
      env: {},
      sampler: new AlwaysOffSampler(),
      spanProcessors: [new SimpleSpanProcessor({ exporter: extra })],
      propagator,
    });
    trace.getTracer('test').startSpan('dropped').end();
    propagation.inject(context.active(), {});
    await tracing.forceFlush();
    expect(spans).toEqual([]);
    expect(extra.getFinishedSpans()).toEqual([]);
    expect(propagator.inject).toHaveBeenCalledTimes(1);
  });

  it('is a no-op with OTEL_SDK_DISABLED=true: nothing registered, nothing exported', async () => {
    const { exporter, calls } = recordingExporter();
    const tracing = start({ exporter, env: { OTEL_SDK_DISABLED: 'TRUE' } });
    expect(trace.getTracer('test').startSpan('nothing').isRecording()).toBe(false);
    await tracing.forceFlush();
    await tracing.shutdown();
    expect(calls).toEqual([]);
    expect(process.listenerCount('SIGTERM')).toBe(0);
  });

  it('hooks SIGTERM, SIGINT and beforeExit once, and removes the hooks on shutdown', async () => {
    const before = ['SIGTERM', 'SIGINT', 'beforeExit'].map((e) => process.listenerCount(e));
    const tracing = start({ env: { OTEL_TRACES_EXPORTER: 'none' } });
    start({ env: { OTEL_TRACES_EXPORTER: 'none' } });
    const during = ['SIGTERM', 'SIGINT', 'beforeExit'].map((e) => process.listenerCount(e));
    expect(during).toEqual(before.map((count) => count + 1));
    await tracing.shutdown();
    expect(['SIGTERM', 'SIGINT', 'beforeExit'].map((e) => process.listenerCount(e))).toEqual(
      before,
    );
  });

  it('registers nothing when the set-up fails, and runs untraced', () => {
    const reader = new (class extends MetricReader {
      protected onForceFlush = async () => undefined;
      protected onShutdown = async () => undefined;
    })();
    new MeterProvider({ readers: [reader] }); // a reader serves one meter provider only
    start({ metricReaders: [reader], env: { OTEL_TRACES_EXPORTER: 'none' } });

    expect(diagSpy.errors).toEqual([
      '@otelware/node: start() failed; the app runs without tracing',
    ]);
    expect(trace.getTracer('test').startSpan('nothing').isRecording()).toBe(false);
    expect(registeredProvider()).not.toBeInstanceOf(TracerProvider);
    const key = createContextKey('probe');
    expect(
      context.with(context.active().setValue(key, 1), () => context.active().getValue(key)),
    ).toBeUndefined(); // no context manager
    expect(propagation.fields()).toEqual([]); // no propagator
    expect(process.listenerCount('SIGTERM')).toBe(0);
  });

  it('runs untraced without throwing when the set-up fails and the diag logger throws too', () => {
    const reader = new (class extends MetricReader {
      protected onForceFlush = async () => undefined;
      protected onShutdown = async () => undefined;
    })();
    new MeterProvider({ readers: [reader] }); // a reader serves one meter provider only
    useThrowingDiagLogger();
    const tracing = start({ metricReaders: [reader], env: { OTEL_TRACES_EXPORTER: 'none' } });
    expect(tracing.tracerProvider).not.toBeInstanceOf(TracerProvider);
  });

  it('never rejects a flush or a shutdown, even when the diag logger throws on the failure', async () => {
    const failing: SpanExporter = {
      export: (_batch, done) => done({ code: 0 }),
      forceFlush: () => Promise.reject(new Error('collector gone')),
      shutdown: async () => undefined,
    };
    const tracing = start({ exporter: failing, env: {} });
    useThrowingDiagLogger();
    await expect(tracing.forceFlush()).resolves.toBeUndefined();
    await expect(tracing.shutdown()).resolves.toBeUndefined();
  });

  it('warns about OTEL_SDK_DISABLED values other than true and false, and starts', () => {
    const tracing = start({ env: { OTEL_SDK_DISABLED: 'yes', OTEL_TRACES_EXPORTER: 'none' } });
    expect(tracing.tracerProvider).toBe(registeredProvider());
    expect(trace.getTracer('test').startSpan('recorded').isRecording()).toBe(true);
    expect(diagSpy.warnings).toEqual([
      '@otelware/node: OTEL_SDK_DISABLED="yes" is neither true nor false; not disabled',
    ]);
  });

  it('throws a TypeError for an option of the wrong type', () => {
    expect(() => start({ serviceName: 42 as unknown as string })).toThrow(
      new TypeError('@otelware: option "serviceName" must be a non-empty string'),
    );
    expect(() => start({ exporter: {} as SpanExporter })).toThrow(TypeError);
  });

  it('throws a TypeError for an unknown option', () => {
    expect(() => start({ servicename: 'checkout' } as never)).toThrow(
      new TypeError('@otelware: unknown option "servicename"'),
    );
  });
});

describe('createTracerProvider()', () => {
  it('registers nothing and hooks no signal', () => {
    const before = process.listenerCount('SIGTERM');
    const provider = createTracerProvider({
      serviceName: 'orders',
      env: { OTEL_TRACES_EXPORTER: 'none' },
    });
    expect(registeredProvider()).not.toBe(provider);
    expect(process.listenerCount('SIGTERM')).toBe(before);
    expect(provider.getTracer('test').startSpan('recorded').isRecording()).toBe(true);
  });

  it('records nothing with OTEL_SDK_DISABLED=true', () => {
    const provider = createTracerProvider({ env: { OTEL_SDK_DISABLED: 'true' } });
    expect(provider.getTracer('test').startSpan('nothing').isRecording()).toBe(false);
  });
});
