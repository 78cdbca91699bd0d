import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const packageDir = path.resolve(__dirname, '..');
const dist = path.join(packageDir, 'dist');
const publicApi = ['ServerTracer', 'RequestTrace', 'reportError', 'callSafely'];

beforeAll(() => {
  if (!existsSync(path.join(dist, 'index.js'))) {
    throw new Error('packages/core/dist is missing: run `pnpm build` first (`pnpm test` does)');
  }
});

describe('the built @otelware/core package', () => {
  it('loads with require()', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const built = require(path.join(dist, 'index.cjs'));
    for (const name of publicApi) expect(typeof built[name]).toBe('function');
  });

  it('loads with import, by package name, through its exports map', async () => {
    const script = `import * as core from '@otelware/core'; console.log(JSON.stringify(Object.keys(core)))`;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--input-type=module', '-e', script],
      { cwd: packageDir },
    );
    expect(JSON.parse(stdout)).toEqual(expect.arrayContaining(publicApi));
  });
});
