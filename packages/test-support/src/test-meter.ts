import type { Attributes, MeterProvider } from '@opentelemetry/api';
import {
  MeterProvider as SdkMeterProvider,
  MetricReader,
  type Histogram,
} from '@opentelemetry/sdk-metrics';

/** A reader that only collects when asked: the test decides when to look. */
class OnDemandReader extends MetricReader {
  protected async onForceFlush(): Promise<void> {}
  protected async onShutdown(): Promise<void> {}
}

/** One recorded histogram point: its attributes and the recorded value(s). */
export interface HistogramPoint {
  readonly attributes: Attributes;
  readonly value: Histogram;
  /** The instrument's unit, description and bucket boundaries. */
  readonly unit: string;
  readonly description: string;
}

export interface TestMeter {
  readonly meterProvider: MeterProvider;
  /**
   * The points of the histogram `name` (cumulative since the meter was made), after
   * waiting (up to 2 s) until `count` measurements in all were recorded.
   */
  histogram(name: string, count?: number): Promise<HistogramPoint[]>;
}

/** An SDK meter provider whose histograms the test reads on demand; registers nothing globally. */
export function createTestMeter(): TestMeter {
  const reader = new OnDemandReader();
  const meterProvider = new SdkMeterProvider({ readers: [reader] });

  async function read(name: string): Promise<HistogramPoint[]> {
    const { resourceMetrics } = await reader.collect();
    const points: HistogramPoint[] = [];
    for (const scope of resourceMetrics.scopeMetrics) {
      for (const metric of scope.metrics) {
        if (metric.descriptor.name !== name) continue;
        for (const point of metric.dataPoints) {
          points.push({
            attributes: point.attributes,
            value: point.value as Histogram,
            unit: metric.descriptor.unit,
            description: metric.descriptor.description,
          });
        }
      }
    }
    return points;
  }

  return {
    meterProvider,
    async histogram(name, count = 1) {
      const deadline = Date.now() + 2000;
      let points = await read(name);
      while (points.reduce((sum, p) => sum + p.value.count, 0) < count && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        points = await read(name);
      }
      // one more turn, so a measurement that should not exist has had its chance to appear
      await new Promise((resolve) => setImmediate(resolve));
      return read(name);
    },
  };
}
