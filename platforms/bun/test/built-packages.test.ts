import { expect, test } from 'bun:test';
import path from 'node:path';

/**
 * Bun applies a tsconfig.json's `paths` to every file outside node_modules, and the
 * workspace's root tsconfig.json maps `@otelware/<name>` to `packages/<name>/src` (for
 * tsc): under a bare `bun test`, a built adapter's own `import '@otelware/core'` loads
 * core's TypeScript source. `bun run test` passes `--tsconfig-override=tsconfig.json`
 * (this folder's) against that.
 */
const loadedFiles = () => Object.keys(require.cache);

const importAll = () =>
  Promise.all([
    import('@otelware/express'),
    import('@otelware/fastify'),
    import('@otelware/fetch'),
    import('@otelware/koa'),
    import('@opentelemetry/sdk-trace'),
  ]);

test('loads the built packages (dist/) through the workspace links, never their sources', async () => {
  await importAll();
  const ours = loadedFiles()
    .filter((file) => /\/packages\/[a-z-]+\//.test(file))
    .map((file) => file.slice(file.lastIndexOf('/packages/') + 1))
    .sort();
  if (ours.some((file) => file.includes('/src/'))) {
    throw new Error(
      'otelware sources were loaded instead of dist/: run `bun run test` ' +
        '(bun test --tsconfig-override=tsconfig.json), see README.md',
    );
  }
  // besides the entries, only the chunks the build shares between core's two entries
  expect(ours.filter((file) => !/^packages\/core\/dist\/chunk-[\w-]+\.js$/.test(file))).toEqual([
    'packages/core/dist/adapter.js',
    'packages/core/dist/index.js',
    'packages/express/dist/index.js',
    'packages/fastify/dist/index.js',
    'packages/fetch/dist/index.js',
    'packages/koa/dist/index.js',
  ]);
});

test("shares one @opentelemetry/api, this app's, between otelware and the SDK", async () => {
  await importAll();
  const versions = loadedFiles()
    .map((file) => /\/@opentelemetry\+api@([^/]+)\//.exec(file)?.[1])
    .filter((found) => found !== undefined);
  const manifest = path.join(import.meta.dir, '../node_modules/@opentelemetry/api/package.json');
  const { version } = (await Bun.file(manifest).json()) as { version: string };
  expect(new Set(versions)).toEqual(new Set([version]));
});
