import {
  createTracerProvider,
  start,
  type SpanExporter,
  type TracerProvider,
} from '@otelware/node';

/** An exporter that can also print what it holds now: the waterfall, or a test's collector. */
export type FlushableExporter = SpanExporter & { forceFlush(): Promise<void> };

/** The three services' providers, and how to print and end their traces. */
export interface ShopTracing {
  readonly gateway: TracerProvider;
  readonly orders: TracerProvider;
  readonly users: TracerProvider;
  /** Exports every ended span, then has the exporter print each trace complete. */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

/** The shared exporter, seen by each provider: shutting a provider down leaves it to us. */
function shared(exporter: FlushableExporter): FlushableExporter {
  return {
    export: (spans, done) => exporter.export(spans, done),
    forceFlush: () => exporter.forceFlush(),
    shutdown: async () => undefined,
  };
}

/**
 * One process, three services: `start()` registers the global context manager and
 * propagators (its own provider exports nothing: no service uses it), and each service
 * gets its own provider and `service.name`. With `exporter` they all write to it; without,
 * each exports where the OTEL_* variables say (OTLP to a backend).
 */
export function startShopTracing(exporter: FlushableExporter | undefined): ShopTracing {
  // traces only: one meter provider would mix the three services' metrics under one service.name
  const global = start({
    env: { ...process.env, OTEL_TRACES_EXPORTER: 'none', OTEL_METRICS_EXPORTER: 'none' },
  });
  const provider = (serviceName: string) =>
    createTracerProvider(exporter ? { serviceName, exporter: shared(exporter) } : { serviceName });
  const [gateway, orders, users] = [provider('gateway'), provider('orders'), provider('users')];
  const leafFirst = [users, orders, gateway];
  return {
    gateway,
    orders,
    users,
    async flush() {
      for (const service of leafFirst) await service.forceFlush();
      await exporter?.forceFlush();
    },
    async shutdown() {
      for (const service of leafFirst) await service.shutdown();
      await exporter?.shutdown();
      await global.shutdown();
    },
  };
}
