import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { packagingSuite, useTestTracing } from '@otelware/test-support';
import express from 'express';
import request from 'supertest';

const otel = useTestTracing();
const packageDir = path.resolve(__dirname, '..');
const dist = path.join(packageDir, 'dist');

describe('the built @otelware/express package', () => {
  packagingSuite(packageDir, {
    peers: {
      express: '^4.17.0 || ^5.0.0',
      '@types/express': '^4.17.0 || ^5.0.0',
    },
    dependencies: ['@otelware/core'],
  });

  it('traces an app when loaded with require()', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const built = require(path.join(dist, 'index.cjs')) as typeof import('../src');
    const app = express();
    app.use(built.tracing());
    app.get('/users/:id', (_req, res) => {
      res.json({});
    });
    await request(app).get('/users/1').expect(200);
    const [span] = await otel.serverSpans();
    expect(span?.name).toBe('GET /users/:id');
  });

  it('traces a native ESM app (.mjs) run without loader flags, exactly as CommonJS', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [path.join(__dirname, 'fixtures', 'esm-app.mjs')],
      { cwd: packageDir, timeout: 15_000 },
    );
    const { status, spans } = JSON.parse(stdout);
    expect(status).toBe(200);
    const server = spans.find((span: { name: string }) => span.name === 'GET /api/users/:id');
    const child = spans.find((span: { name: string }) => span.name === 'load user');
    expect(server).toMatchObject({
      traceId: '0af7651916cd43dd8448eb211c80319c',
      parentSpanId: 'b7ad6b7169203331',
      route: '/api/users/:id',
    });
    expect(child).toMatchObject({ traceId: server.traceId, parentSpanId: server.spanId });
  });
});
