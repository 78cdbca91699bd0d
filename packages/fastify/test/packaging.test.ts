import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { packagingSuite, useTestTracing } from '@otelware/test-support';
import request from 'supertest';
import { fastifyMajors } from './frameworks';

const otel = useTestTracing();
const run = promisify(execFile);
const packageDir = path.resolve(__dirname, '..');
const dist = path.join(packageDir, 'dist');

describe('the built @otelware/fastify package', () => {
  packagingSuite(packageDir, {
    peers: { fastify: '^4.0.0 || ^5.0.0' },
    dependencies: ['@otelware/core'],
  });

  it.each(fastifyMajors)(
    'traces a Fastify $major app when loaded with require()',
    async ({ fastify }) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const built = require(path.join(dist, 'index.cjs')) as typeof import('../src');
      const app = fastify();
      await app.register(built.tracing);
      app.get('/users/:id', async () => ({}));
      await app.ready();
      await request(app.server).get('/users/1').expect(200);
      const [span] = await otel.serverSpans();
      expect(span?.name).toBe('GET /users/:id');
    },
  );

  it.each(['fastify', 'fastify4'])(
    'traces a native ESM app (.mjs) on %s, run without loader flags',
    async (fastifyPackage) => {
      const { stdout } = await run(
        process.execPath,
        [path.join(__dirname, 'fixtures', 'esm-app.mjs'), fastifyPackage],
        { cwd: packageDir, timeout: 15_000 },
      );
      const { status, injectedStatus, spans } = JSON.parse(stdout);
      expect([status, injectedStatus]).toEqual([200, 200]);
      const servers = spans.filter((span: { name: string }) => span.name === 'GET /api/users/:id');
      const children = spans.filter((span: { name: string }) => span.name === 'load user');
      expect(servers).toHaveLength(2);
      expect(servers[0]).toMatchObject({
        traceId: '0af7651916cd43dd8448eb211c80319c',
        parentSpanId: 'b7ad6b7169203331',
        route: '/api/users/:id',
      });
      expect(children[0]).toMatchObject({
        traceId: servers[0].traceId,
        parentSpanId: servers[0].spanId,
      });
      expect(children[1]).toMatchObject({
        traceId: servers[1].traceId,
        parentSpanId: servers[1].spanId,
      });
    },
  );

  it.each(['fastify5', 'fastify4'])(
    'ships types an app type-checks against, with fastify resolved to %s',
    async (major) => {
      const tsc = require.resolve('typescript/bin/tsc');
      const project = path.join(__dirname, 'fixtures', 'types', `tsconfig.${major}.json`);
      // tsc exits non-zero, and so rejects, on any type error
      await expect(
        run(process.execPath, [tsc, '-p', project], { cwd: packageDir, timeout: 60_000 }),
      ).resolves.toMatchObject({ stdout: '' });
    },
    60_000,
  );
});
