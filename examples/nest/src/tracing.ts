// OpenTelemetry set-up, kept apart from the app as a real service would: @otelware/node's
// start() registers the SDK (provider, AsyncLocalStorage context manager, W3C propagators)
// from the OTEL_* variables. With no OTLP endpoint set, traces print as a terminal waterfall.
import { start, type NodeTracing } from '@otelware/node';

export function startTracing(): NodeTracing {
  return start({ serviceName: 'example-nest' });
}
