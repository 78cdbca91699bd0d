import Router from '@koa/router';
import { packagingSuite, useTestTracing } from '@otelware/test-support';
import Koa from 'koa';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';

const otel = useTestTracing();
const packageDir = path.resolve(__dirname, '..');
const dist = path.join(packageDir, 'dist');

describe('the built @otelware/koa package', () => {
  packagingSuite(packageDir, {
    peers: { koa: '^2.0.0 || ^3.0.0', '@types/koa': '^2.13.0 || ^3.0.0' },
    dependencies: ['@otelware/core'],
  });

  it('traces an app when loaded with require()', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const built = require(path.join(dist, 'index.cjs')) as typeof import('../src');
    const app = new Koa();
    app.use(built.tracing());
    const router = new Router();
    router.get('/users/:id', (ctx) => {
      ctx.body = {};
    });
    app.use(router.routes());
    await request(app.callback()).get('/users/1').expect(200);
    const [span] = await otel.serverSpans();
    expect(span?.name).toBe('GET /users/:id');
    expect(span?.instrumentationScope).toMatchObject({ name: '@otelware/koa', version: '0.1.0' });
  });

  it('traces a native ESM app (.mjs) run without loader flags, patching nothing on import', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [path.join(__dirname, 'fixtures', 'esm-app.mjs')],
      { cwd: packageDir, timeout: 15_000 },
    );
    const { status, spans, patched } = JSON.parse(stdout);
    expect(status).toBe(200);
    expect(patched).toEqual([]);
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
