import type { MeterProvider } from '@opentelemetry/sdk-metrics';
import type { SpanExporter, TracerProvider } from '@opentelemetry/sdk-trace';
import { endOpenRequests } from '@otelware/core';
import { flushOnExit } from './flush-on-exit';
import { reportFailure } from './report-failure';
import type { NodeTracing } from './types';

/** Awaits one step of a flush or shutdown; a failure is reported and the next step still runs. */
async function guarded(what: string, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    reportFailure(`${what} failed`, error);
  }
}

/**
 * The handle of a started SDK. Flushing empties the batch processors, then the
 * exporters' own buffers (the waterfall prints what it holds), and exports the
 * metrics. Shutdown runs once: it first ends, as aborted, the server spans of the
 * requests still in flight, which would otherwise never be exported.
 */
export function tracingHandle(
  provider: TracerProvider,
  exporters: readonly SpanExporter[],
  meterProvider?: MeterProvider,
): NodeTracing {
  const flushSpans = () =>
    guarded('flushing spans', async () => {
      await provider.forceFlush();
      await Promise.all(exporters.map((exporter) => exporter.forceFlush?.()));
    });
  const forceFlush = async () => {
    await flushSpans();
    if (meterProvider !== undefined) {
      await guarded('flushing metrics', () => meterProvider.forceFlush());
    }
  };
  let shuttingDown: Promise<void> | undefined;
  const shutdown = () =>
    (shuttingDown ??= (async () => {
      removeHooks();
      endOpenRequests();
      await flushSpans();
      await guarded('shutting down the tracer provider', () => provider.shutdown());
      // the meter provider exports its last collection as it shuts down: no flush before
      if (meterProvider !== undefined) {
        await guarded('shutting down the meter provider', () => meterProvider.shutdown());
      }
    })());
  const removeHooks = flushOnExit(forceFlush, shutdown);
  return { tracerProvider: provider, meterProvider, forceFlush, shutdown };
}
