import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { packagingSuite, useTestTracing } from '@otelware/test-support';
import { startLocalServer, type LocalServer } from './local-server';

const otel = useTestTracing();
const packageDir = path.resolve(__dirname, '..');
const dist = path.join(packageDir, 'dist');
let server: LocalServer;

beforeAll(async () => {
  server = await startLocalServer();
});
afterAll(() => server?.close());

describe('the built @otelware/fetch package', () => {
  packagingSuite(packageDir, {
    peers: {},
    dependencies: ['@otelware/core'],
  });

  it('traces a call when loaded with require()', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const built = require(path.join(dist, 'index.cjs')) as typeof import('../src');
    await built.wrapFetch(fetch)(`${server.origin}/`);
    const [span] = await otel.spans(1);
    expect(span?.name).toBe('GET');
    expect(server.received.at(-1)?.headers.traceparent).toMatch(/^00-/);
  });

  it('traces the global fetch of a native ESM program (.mjs) run without loader flags', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [path.join(__dirname, 'fixtures', 'esm-app.mjs')],
      { cwd: packageDir, timeout: 15_000 },
    );
    const { status, received, spans } = JSON.parse(stdout);
    expect(status).toBe(200);
    const job = spans.find((span: { name: string }) => span.name === 'job');
    const client = spans.find((span: { name: string }) => span.name === 'GET');
    expect(client).toMatchObject({ kind: 2, traceId: job.traceId, parentSpanId: job.spanId });
    expect(received).toBe(`00-${client.traceId}-${client.spanId}-01`);
  });
});
