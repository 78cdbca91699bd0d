import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { createTracerProvider } from '../src';
import { batchOptionsFromEnv, spanLimitsFromEnv } from '../src/sdk-settings-from-env';
import { useDiagSpy } from './diag-spy';

const diagSpy = useDiagSpy();
const wait = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));

describe('the batch span processor settings from OTEL_BSP_*', () => {
  it('leaves every setting to the SDK when nothing is set', () => {
    expect(batchOptionsFromEnv({})).toEqual({});
  });

  it('reads the four variables', () => {
    expect(
      batchOptionsFromEnv({
        OTEL_BSP_SCHEDULE_DELAY: '0',
        OTEL_BSP_EXPORT_TIMEOUT: '1000',
        OTEL_BSP_MAX_QUEUE_SIZE: ' 4096 ',
        OTEL_BSP_MAX_EXPORT_BATCH_SIZE: '64',
      }),
    ).toEqual({
      scheduledDelayMillis: 0,
      exportTimeoutMillis: 1000,
      maxQueueSize: 4096,
      maxExportBatchSize: 64,
    });
    expect(diagSpy.warnings).toEqual([]);
  });

  it('warns about a value that is not an integer in range, and leaves it to the SDK', () => {
    expect(
      batchOptionsFromEnv({ OTEL_BSP_MAX_QUEUE_SIZE: '0', OTEL_BSP_SCHEDULE_DELAY: '0.5s' }),
    ).toEqual({});
    expect(diagSpy.warnings).toEqual([
      '@otelware/node: OTEL_BSP_SCHEDULE_DELAY="0.5s" is not a non-negative integer; ignored',
      '@otelware/node: OTEL_BSP_MAX_QUEUE_SIZE="0" is not a positive integer; ignored',
    ]);
  });

  it('sets the batch processor of each exporter: a short delay exports without a flush', async () => {
    const exportedAfter = async (env: Record<string, string>) => {
      const exporter = new InMemorySpanExporter();
      const provider = createTracerProvider({ exporter, env });
      provider.getTracer('test').startSpan('queued').end();
      await wait(100);
      const exported = exporter.getFinishedSpans().length;
      await provider.shutdown();
      return exported;
    };
    expect(await exportedAfter({ OTEL_BSP_SCHEDULE_DELAY: '1' })).toBe(1);
    expect(await exportedAfter({})).toBe(0); // the SDK's 5 s
  });
});

describe('the span limits from the environment', () => {
  it('leaves every limit to the SDK when nothing is set', () => {
    expect(spanLimitsFromEnv({})).toEqual({});
  });

  it('reads the span variables, and the general attribute ones under them', () => {
    expect(
      spanLimitsFromEnv({
        OTEL_ATTRIBUTE_COUNT_LIMIT: '64',
        OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT: '4096',
        OTEL_SPAN_ATTRIBUTE_VALUE_LENGTH_LIMIT: '1024',
        OTEL_SPAN_EVENT_COUNT_LIMIT: '0',
        OTEL_SPAN_LINK_COUNT_LIMIT: '8',
        OTEL_SPAN_ATTRIBUTE_PER_EVENT_COUNT_LIMIT: '16',
        OTEL_SPAN_ATTRIBUTE_PER_LINK_COUNT_LIMIT: '32',
      }),
    ).toEqual({
      attributeCountLimit: 64,
      attributeValueLengthLimit: 1024,
      eventCountLimit: 0,
      linkCountLimit: 8,
      attributePerEventCountLimit: 16,
      attributePerLinkCountLimit: 32,
    });
    expect(diagSpy.warnings).toEqual([]);
  });

  it('warns about an invalid span limit and falls back to the general one', () => {
    expect(
      spanLimitsFromEnv({ OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT: '-1', OTEL_ATTRIBUTE_COUNT_LIMIT: '5' }),
    ).toEqual({ attributeCountLimit: 5 });
    expect(diagSpy.warnings).toEqual([
      '@otelware/node: OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT="-1" is not a non-negative integer; ignored',
    ]);
  });

  it('limits the spans of the provider', async () => {
    const exporter = new InMemorySpanExporter();
    const provider = createTracerProvider({
      exporter,
      env: { OTEL_ATTRIBUTE_COUNT_LIMIT: '2', OTEL_SPAN_ATTRIBUTE_VALUE_LENGTH_LIMIT: '3' },
    });
    provider
      .getTracer('test')
      .startSpan('limited', { attributes: { a: 'abcdef', b: 'x', c: 'y' } })
      .end();
    await provider.forceFlush();
    const [span] = exporter.getFinishedSpans();
    expect(span?.attributes).toEqual({ a: 'abc', b: 'x' });
    expect(span?.droppedAttributesCount).toBe(1);
    await provider.shutdown();
  });
});
