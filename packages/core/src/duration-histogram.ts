import { createNoopMeter, metrics, type Histogram, type MeterProvider } from '@opentelemetry/api';
import type { InstrumentationScope } from './tracer-lookup';

/** The advisory bucket boundaries of the stable HTTP duration histograms, in seconds. */
export const HTTP_DURATION_BUCKETS: readonly number[] = [
  0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10,
];

/**
 * The API's one no-op meter: `getMeter` returns it while no metrics SDK is registered
 * (the API's no-op provider) and once the SDK's provider is shut down. `createNoopMeter()`
 * returns this shared instance, not a new one, so comparing a meter with it is meaningful.
 */
const SHARED_NOOP_METER = createNoopMeter();

/** Milliseconds on the monotonic clock the SDK's spans also read. */
export function monotonicNow(): number {
  return performance.now();
}

/**
 * One of the stable HTTP duration histograms (`http.server.request.duration`,
 * `http.client.request.duration`), from the `meterProvider` option or else the
 * global one. The API has no proxy for meters: a meter taken before the SDK
 * registers stays a no-op forever, so the lookup repeats until a real meter is
 * found, and is then kept. Until then `get()` returns `undefined`, which keeps
 * the request path free of timing work.
 */
export class DurationHistogram {
  private histogram: Histogram | undefined;
  /** The provider that gave the no-op meter last time: asked again only once it changes. */
  private providerWithoutMeter: MeterProvider | undefined;

  constructor(
    private readonly provider: MeterProvider | undefined,
    private readonly scope: InstrumentationScope,
    private readonly name: string,
    private readonly description: string,
  ) {}

  /** The histogram, or `undefined` while no metrics SDK is registered. */
  get(): Histogram | undefined {
    if (this.histogram !== undefined) return this.histogram;
    const provider = this.provider ?? metrics.getMeterProvider();
    if (provider === this.providerWithoutMeter) return undefined;
    const { name, version } = this.scope;
    const meter = provider.getMeter(name, version);
    if (meter === SHARED_NOOP_METER) {
      this.providerWithoutMeter = provider;
      return undefined;
    }
    return (this.histogram = meter.createHistogram(this.name, {
      unit: 's',
      description: this.description,
      advice: { explicitBucketBoundaries: [...HTTP_DURATION_BUCKETS] },
    }));
  }
}
