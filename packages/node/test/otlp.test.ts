import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { startOtlpReceiver, type OtlpReceiver } from './otlp-receiver';

// The official exporters load node:http with a dynamic import(), which Jest's module
// sandbox cannot run: the traced process is a real Node process on the built package.
const packageDir = path.resolve(__dirname, '..');
let receiver: OtlpReceiver;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
});
afterAll(() => receiver.close());
beforeEach(() => {
  receiver.exports.length = 0;
});

async function runTracedRequest(protocol: string): Promise<{ url: string; seen: string[] }> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [path.join(__dirname, 'fixtures', 'traced-request.mjs')],
    {
      cwd: packageDir,
      timeout: 15_000,
      env: {
        PATH: process.env.PATH,
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_EXPORTER_OTLP_PROTOCOL: protocol,
        OTEL_SERVICE_NAME: 'checkout',
      },
    },
  );
  return JSON.parse(stdout);
}

describe.each([
  ['http/json', 'application/json'],
  ['http/protobuf', 'application/x-protobuf'],
])('start() exporting OTLP over %s to a real receiver', (protocol, contentType) => {
  it('sends the service name and the span tree with its attributes to /v1/traces', async () => {
    const { url, seen } = await runTracedRequest(protocol);

    const traceExports = receiver.exports.filter((received) => received.path === '/v1/traces');
    expect(traceExports.map(({ path, contentType }) => ({ path, contentType }))).toEqual([
      { path: '/v1/traces', contentType },
    ]);
    const spans = traceExports.flatMap((received) => received.spans);
    expect(spans.map((span) => span.name).sort()).toEqual([
      'GET',
      'GET /checkout/:id',
      'price cart',
    ]);
    const byName = Object.fromEntries(spans.map((span) => [span.name, span]));
    const server = byName['GET /checkout/:id']!;
    const client = byName['GET']!;
    const own = byName['price cart']!;
    expect(new Set(spans.map((span) => span.service))).toEqual(new Set(['checkout']));
    expect(new Set(spans.map((span) => span.traceId))).toEqual(new Set([server.traceId]));
    expect(server.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(server).toMatchObject({
      kind: 2 /* SERVER */,
      parentSpanId: '',
      scope: 'checkout-handler',
    });
    expect(server.attributes).toEqual({
      'http.route': '/checkout/:id',
      'http.request.method': 'GET',
      'http.response.status_code': 200,
    });
    expect(client).toMatchObject({
      kind: 3 /* CLIENT */,
      parentSpanId: server.spanId,
      statusCode: 0,
    });
    expect(client.attributes).toEqual({
      'http.request.method': 'GET',
      'server.address': '127.0.0.1',
      'server.port': Number(new URL(url).port),
      'url.full': url,
      'http.response.status_code': 200,
    });
    expect(own).toMatchObject({ kind: 1 /* INTERNAL */, parentSpanId: server.spanId });
    expect(own.attributes).toEqual({ 'cart.items': 3 });
    // sampled, and (W3C Level 2) a random trace id: this process started the trace
    expect(seen).toEqual([`00-${server.traceId}-${client.spanId}-03`]);
  });

  it('sends the http.client.request.duration histogram of the traced fetch to /v1/metrics', async () => {
    const { url } = await runTracedRequest(protocol);

    const metricExports = receiver.exports.filter((received) => received.path === '/v1/metrics');
    expect(metricExports.map((received) => received.contentType)).toEqual([contentType]);
    const points = metricExports.flatMap((received) => received.histogramPoints);
    expect(points).toEqual([
      {
        service: 'checkout',
        scope: '@otelware/fetch',
        name: 'http.client.request.duration',
        unit: 's',
        attributes: {
          'http.request.method': 'GET',
          'url.scheme': 'http',
          'server.address': '127.0.0.1',
          'server.port': Number(new URL(url).port),
          'http.response.status_code': 200,
        },
        count: 1,
        explicitBounds: [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10],
      },
    ]);
  });
});
