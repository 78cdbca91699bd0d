// OpenTelemetry SDK set-up for the demo, kept apart from the app as a real service would:
// a tracer provider, the AsyncLocalStorage context manager and the W3C propagators
// (NodeTracerProvider.register() installs all three), printing each span as it ends.
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import {
  NodeTracerProvider,
  SimpleSpanProcessor,
  type ReadableSpan,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-node';

const dim = (text: string) => (process.stdout.isTTY ? `\x1b[2m${text}\x1b[0m` : text);

/** Prints one line per span: name, kind, status, duration, route, status code and ids. */
const printSpans: SpanExporter = {
  export(spans, done) {
    for (const span of spans) process.stdout.write(`${formatSpan(span)}\n`);
    done({ code: 0 });
  },
  shutdown: async () => undefined,
};

function formatSpan(span: ReadableSpan): string {
  const [seconds, nanos] = span.duration;
  const millis = (seconds * 1e3 + nanos / 1e6).toFixed(1);
  const status = span.status.code === SpanStatusCode.ERROR ? 'ERROR' : 'ok';
  const parent = span.parentSpanContext?.spanId ?? 'root';
  const { traceId, spanId } = span.spanContext();
  const attributes = ['http.response.status_code', 'http.route', 'error.type']
    .filter((key) => span.attributes[key] !== undefined)
    .map((key) => `${key}=${span.attributes[key]}`)
    .join(' ');
  return [
    `${span.name.padEnd(28)} ${SpanKind[span.kind].padEnd(8)} ${status.padEnd(5)} ${millis.padStart(6)} ms`,
    attributes,
    dim(`trace=${traceId.slice(0, 8)}… span=${spanId.slice(0, 8)}… parent=${parent.slice(0, 8)}`),
  ].join('  ');
}

export function startTracing(): NodeTracerProvider {
  const provider = new NodeTracerProvider({
    spanProcessors: [new SimpleSpanProcessor(printSpans)],
  });
  provider.register();
  return provider;
}
