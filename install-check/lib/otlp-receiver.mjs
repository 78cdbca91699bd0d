import http from 'node:http';

const KINDS = ['UNSPECIFIED', 'INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER'];
const STATUSES = ['UNSET', 'OK', 'ERROR'];

const attribute = (attributes, key) => {
  const value = attributes?.find((entry) => entry.key === key)?.value;
  if (value === undefined) return undefined;
  return value.stringValue ?? (value.intValue === undefined ? undefined : Number(value.intValue));
};

/** An OTLP/JSON span in the shape the apps report SDK spans (apps/shared/exercise.cjs). */
function describeOtlpSpan(span) {
  return {
    name: span.name,
    kind: KINDS[span.kind],
    traceId: span.traceId,
    parentSpanId: span.parentSpanId || undefined,
    status: STATUSES[span.status?.code ?? 0],
    route: attribute(span.attributes, 'http.route'),
    statusCode: attribute(span.attributes, 'http.response.status_code'),
    events: (span.events ?? []).map((event) => ({
      name: event.name,
      type: attribute(event.attributes, 'exception.type'),
      message: attribute(event.attributes, 'exception.message'),
    })),
  };
}

/** A minimal OTLP/HTTP JSON trace receiver on a free local port: what an app exports lands here. */
export async function startOtlpReceiver() {
  const spans = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      if (req.url === '/v1/traces') {
        for (const resource of JSON.parse(body).resourceSpans ?? []) {
          for (const scope of resource.scopeSpans ?? [])
            spans.push(...scope.spans.map(describeOtlpSpan));
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${server.address().port}/v1/traces`,
    take: () => spans.splice(0),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
