// The packed-install check (README.md here): packs every published package as a release does,
// lints each tarball, installs the tarballs into apps created outside the repository, runs them
// and asserts their spans; then runs every README snippet the same way (readme-snippets.mjs).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { APPS, installApps, runCheck } from './lib/apps.mjs';
import { pnpmCommand } from './lib/exec.mjs';
import { lintTarballs, packAll, publicPackages } from './lib/pack.mjs';
import { checkReadmes } from './lib/readme-snippets.mjs';

const root = path.resolve(import.meta.dirname, '..');
const { packageManager } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
const pnpm = pnpmCommand(packageManager.split('@')[1]);
const only = process.argv[2]; // `apps` or `readmes`: one half alone
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
const workDir = await mkdtemp(path.join(os.tmpdir(), 'otelware-packed-'));
let failed = 0;

async function step(name, fn) {
  try {
    const detail = await fn();
    console.log(`ok    ${name}${detail ? `: ${detail}` : ''}`);
  } catch (error) {
    failed += 1;
    console.log(`FAIL  ${name}\n${error.stack ?? error}\n${error.output ?? ''}`);
  }
}

try {
  console.log(`== packed-install check on Node.js ${process.versions.node}, in ${workDir}`);
  const packages = await publicPackages(root);
  const tarballs = await packAll(packages, workDir, pnpm);
  await step(
    `pack ${packages.length} packages, publint + attw + LICENSE on each tarball`,
    async () => (await lintTarballs(root, packages, tarballs)).join(', '),
  );
  if (only !== 'readmes') {
    const apps = await installApps(workDir, tarballs, pnpm);
    console.log(`   installed ${APPS.length} apps (${elapsed()})`);
    for (const app of apps) {
      for (const check of app.checks) await step(check.name, () => runCheck(app, check, workDir));
    }
  }
  if (only !== 'apps') {
    for (const result of await checkReadmes(root, workDir, tarballs, pnpm)) {
      await step(result.name, result.check);
    }
  }
} finally {
  if (failed === 0) await rm(workDir, { recursive: true, force: true });
  console.log(
    `packed: ${failed === 0 ? 'all passed' : `${failed} failed (kept ${workDir})`}, ${elapsed()}`,
  );
}
process.exitCode = failed === 0 ? 0 : 1;
