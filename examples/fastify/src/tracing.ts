// OpenTelemetry SDK set-up for the demo, kept apart from the app as a real service would:
// a tracer provider, the AsyncLocalStorage context manager and the W3C propagators
// (NodeTracerProvider.register() installs all three), printing each span as it ends.
import { printSpans } from '@otelware-examples/demo-kit';
import { NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';

export function startTracing(): NodeTracerProvider {
  const provider = new NodeTracerProvider({
    spanProcessors: [new SimpleSpanProcessor(printSpans)],
  });
  provider.register();
  return provider;
}
