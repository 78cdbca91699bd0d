// The release flow (docs/releasing.md), tried without reaching a registry: `changeset version` on
// a throw-away copy of the repository must give every public package the same new version and a
// CHANGELOG.md entry, and `pnpm publish -r --dry-run` must pack and accept every package.
import assert from 'node:assert/strict';
import { chmod, cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { exec, pnpmCommand } from './lib/exec.mjs';
import { publicPackages } from './lib/pack.mjs';

const root = path.resolve(import.meta.dirname, '..');
const { packageManager } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
const pnpmVersion = packageManager.split('@')[1];
const pnpm = pnpmCommand(pnpmVersion);
const copy = await mkdtemp(path.join(os.tmpdir(), 'otelware-release-'));
const readJson = async (file) => JSON.parse(await readFile(file, 'utf8'));

try {
  // the files git knows (tracked or not ignored), and the installed tools by a link
  const { stdout } = await exec('git', ['ls-files', '-co', '--exclude-standard'], { cwd: root });
  for (const file of stdout.split('\n').filter(Boolean)) {
    await mkdir(path.dirname(path.join(copy, file)), { recursive: true });
    await cp(path.join(root, file), path.join(copy, file), { verbatimSymlinks: true });
  }
  await symlink(path.join(root, 'node_modules'), path.join(copy, 'node_modules'));
  const git = (args) =>
    exec('git', ['-c', 'user.name=dry-run', '-c', 'user.email=dry@run', ...args], { cwd: copy });
  await git(['init', '-q']);
  await git(['add', '-A']);
  await git(['commit', '-qm', 'dry run']);

  const packages = await publicPackages(copy);
  const before = (await readJson(path.join(packages[0].dir, 'package.json'))).version;
  await writeFile(
    path.join(copy, '.changeset', 'dry-run.md'),
    `---\n'${packages[0].name}': minor\n---\n\nA change made by the release dry run.\n`,
  );
  // changeset runs `pnpm`; CI has it only through npx
  const bin = path.join(copy, '.dry-run-bin');
  await mkdir(bin);
  await writeFile(path.join(bin, 'pnpm'), `#!/bin/sh\nexec npx --yes pnpm@${pnpmVersion} "$@"\n`);
  await chmod(path.join(bin, 'pnpm'), 0o755);
  await exec(path.join(copy, 'node_modules', '.bin', 'changeset'), ['version'], {
    cwd: copy,
    env: { PATH: `${bin}${path.delimiter}${process.env.PATH}` },
  });
  const versions = new Set();
  for (const { name, dir } of packages) {
    const { version } = await readJson(path.join(dir, 'package.json'));
    const changelog = await readFile(path.join(dir, 'CHANGELOG.md'), 'utf8');
    assert.ok(changelog.includes(`## ${version}`), `${name}: CHANGELOG.md has no ${version} entry`);
    versions.add(version);
  }
  assert.equal(versions.size, 1, `one version for every package, got ${[...versions]}`);
  assert.notEqual([...versions][0], before);
  console.log(
    `ok    changeset version: ${packages.length} packages ${before} → ${[...versions][0]}, changelogs written`,
  );

  // the real tree, built: what `pnpm release` would publish, stopped before the registry
  const publish = await pnpm(['-r', 'publish', '--dry-run', '--no-git-checks'], { cwd: root });
  const published = publish.stdout.split('\n').filter((line) => line.startsWith('+ '));
  assert.equal(published.length, packages.length, publish.stdout);
  console.log(
    `ok    pnpm publish -r --dry-run: ${published.map((line) => line.slice(2)).join(', ')}`,
  );
} finally {
  await rm(copy, { recursive: true, force: true });
}
