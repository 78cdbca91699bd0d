import { trace, type Tracer, type TracerProvider } from '@opentelemetry/api';

/** Who is tracing: the otelware package's name and version, as the instrumentation scope. */
export interface InstrumentationScope {
  readonly name: string;
  readonly version: string;
}

type GlobalTracerProvider = TracerProvider & {
  getDelegateTracer?(name: string, version?: string): Tracer | undefined;
};

/**
 * Finds the tracer to use: from the `tracerProvider` option, else the global one.
 * Until an SDK registers globally it finds none, which the API's proxy provider
 * tells through `getDelegateTracer`: that keeps the no-SDK path down to one call.
 * Once a tracer is found it is kept.
 */
export class TracerLookup {
  private tracer: Tracer | undefined;

  constructor(
    private readonly provider: TracerProvider | undefined,
    private readonly scope: InstrumentationScope,
  ) {}

  /** The tracer, or `undefined` while no SDK is registered. */
  get(): Tracer | undefined {
    if (this.tracer !== undefined) return this.tracer;
    const { name, version } = this.scope;
    if (this.provider !== undefined) return (this.tracer = this.provider.getTracer(name, version));
    const global = trace.getTracerProvider() as GlobalTracerProvider;
    if (typeof global.getDelegateTracer !== 'function') {
      return (this.tracer = global.getTracer(name, version));
    }
    return (this.tracer = global.getDelegateTracer(name, version));
  }
}
