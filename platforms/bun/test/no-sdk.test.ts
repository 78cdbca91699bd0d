import { expect, test } from 'bun:test';
import path from 'node:path';

const fixture = path.join(import.meta.dir, 'fixtures', 'no-sdk-apps.ts');

test('with no SDK registered, the adapters and instrumentFetch() change nothing', async () => {
  // its own process: this one has the SDK registered, and otelware keeps a tracer it found
  const child = Bun.spawn([process.execPath, '--tsconfig-override=tsconfig.json', fixture], {
    cwd: path.join(import.meta.dir, '..'),
    stdout: 'pipe',
    stderr: 'pipe',
  });
  const [stdout, stderr, exitCode] = await Promise.all([
    new Response(child.stdout).text(),
    new Response(child.stderr).text(),
    child.exited,
  ]);
  expect({ exitCode, stderr }).toEqual({ exitCode: 0, stderr: '' });

  const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
  const unchanged = {
    // no traceparent added by the fetch wrapper; the caller's own one passes as sent
    plain: { status: 200, body: { id: '1', activeSpan: null } },
    withTraceparent: { status: 200, body: { id: '2', activeSpan: null, traceparent } },
    boom: 500,
  };
  expect(JSON.parse(stdout)).toEqual({
    results: { express: unchanged, koa: unchanged, fastify: unchanged },
    fetchRestored: true,
    diagReports: [],
  });
});
