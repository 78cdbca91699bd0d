import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const packageDir = path.resolve(__dirname, '..');
const dist = path.join(packageDir, 'dist');
/** A sample of each entry's exports: what users import, and what otelware's packages import. */
const entries = {
  '@otelware/core': {
    file: 'index',
    exports: ['TraceContextPropagator', 'createW3CTraceState', 'endOpenRequests'],
  },
  '@otelware/core/adapter': {
    file: 'adapter',
    exports: ['ServerTracer', 'ClientTracer', 'traceOf', 'callSafely', 'reportError'],
  },
};
const internals = ['ServerTracer', 'ClientTracer', 'traceOf', 'callSafely', 'reportError'];

async function keysByImport(specifier: string): Promise<string[]> {
  const script = `import * as entry from '${specifier}'; console.log(JSON.stringify(Object.keys(entry)))`;
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--input-type=module', '-e', script],
    { cwd: packageDir },
  );
  return JSON.parse(stdout) as string[];
}

beforeAll(() => {
  if (!existsSync(path.join(dist, 'index.js'))) {
    throw new Error('packages/core/dist is missing: run `pnpm build` first (`pnpm test` does)');
  }
});

describe.each(Object.entries(entries))('the built %s entry', (specifier, { file, exports }) => {
  it('loads with require()', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const built = require(path.join(dist, `${file}.cjs`));
    for (const name of exports) expect(typeof built[name]).toBe('function');
  });

  it('loads with import, by package name, through its exports map', async () => {
    expect(await keysByImport(specifier)).toEqual(expect.arrayContaining(exports));
  });
});

it('keeps what only otelware’s own packages use out of the user entry', async () => {
  const keys = await keysByImport('@otelware/core');
  expect(keys.filter((name) => internals.includes(name))).toEqual([]);
});
