import { diag } from '@opentelemetry/api';
import type { NodeTracerProvider, SpanExporter } from '@opentelemetry/sdk-trace-node';
import { flushOnExit } from './flush-on-exit';
import type { NodeTracing } from './types';

async function reportFailure(what: string, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    diag.error(`@otelware/node: ${what} failed`, error);
  }
}

/**
 * The handle of a started SDK. Flushing empties the batch processors, then the
 * exporters' own buffers (the waterfall prints what it holds). Shutdown runs once.
 */
export function tracingHandle(
  provider: NodeTracerProvider,
  exporters: readonly SpanExporter[],
): NodeTracing {
  const forceFlush = () =>
    reportFailure('flushing spans', async () => {
      await provider.forceFlush();
      await Promise.all(exporters.map((exporter) => exporter.forceFlush?.()));
    });
  let shuttingDown: Promise<void> | undefined;
  const shutdown = () =>
    (shuttingDown ??= (async () => {
      removeHooks();
      await forceFlush();
      await reportFailure('shutting down the tracer provider', () => provider.shutdown());
    })());
  const removeHooks = flushOnExit(forceFlush, shutdown);
  return { tracerProvider: provider, forceFlush, shutdown };
}
