import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const fastifyDist = path.resolve(__dirname, '..', '..', 'fastify', 'dist', 'index.d.ts');

describe("@otelware/fastify's types with the fastify copy Nest pins", () => {
  it('type-checks app.register(tracing) on Nest 10 and Nest 11 Fastify apps', async () => {
    if (!existsSync(fastifyDist)) {
      throw new Error(
        'packages/fastify/dist is missing: run `pnpm build` first (`pnpm test` does)',
      );
    }
    const tsc = require.resolve('typescript/bin/tsc');
    const project = path.join(__dirname, 'fixtures', 'types', 'tsconfig.json');
    // tsc exits non-zero, and so rejects, on any type error
    await expect(
      run(process.execPath, [tsc, '-p', project], { timeout: 60_000 }),
    ).resolves.toMatchObject({ stdout: '' });
  }, 60_000);
});
