import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-node';

const dim = (text: string) => (process.stdout.isTTY ? `\x1b[2m${text}\x1b[0m` : text);

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

/** An exporter that prints one line per span: name, kind, status, duration, route, status code and ids. */
export const printSpans: SpanExporter = {
  export(spans, done) {
    for (const span of spans) process.stdout.write(`${formatSpan(span)}\n`);
    done({ code: 0 });
  },
  shutdown: async () => undefined,
};
