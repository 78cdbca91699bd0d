import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { exec } from './exec.mjs';

/** Every package under packages/ that is published (not `private`), in name order. */
export async function publicPackages(root) {
  const found = [];
  for (const dir of await readdir(path.join(root, 'packages'))) {
    const manifest = path.join(root, 'packages', dir, 'package.json');
    const pkg = JSON.parse(await readFile(manifest, 'utf8').catch(() => '{"private":true}'));
    if (!pkg.private) found.push({ name: pkg.name, dir: path.join(root, 'packages', dir) });
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Packs each package as a release does (`pnpm pack`, which turns `workspace:*` into the
 * version), into `dest`. Returns package name → tarball path.
 */
export async function packAll(packages, dest, pnpm) {
  const tarballs = {};
  await Promise.all(
    packages.map(async ({ name, dir }) => {
      const { stdout } = await pnpm(['pack', '--pack-destination', dest], { cwd: dir });
      const tarball = stdout.trim().split('\n').pop().trim();
      if (!tarball.endsWith('.tgz')) throw new Error(`pnpm pack ${name}: no tarball in\n${stdout}`);
      tarballs[name] = tarball;
    }),
  );
  return tarballs;
}

/**
 * publint (strict) and attw on each tarball, and the root LICENSE inside each. pnpm pack adds
 * the workspace's LICENSE to a package without one, npm pack does not: each package folder
 * must hold its own copy as well.
 */
export async function lintTarballs(root, packages, tarballs) {
  const bin = (name) => path.join(root, 'node_modules', '.bin', name);
  const license = await readFile(path.join(root, 'LICENSE'), 'utf8');
  const problems = [];
  for (const [name, tarball] of Object.entries(tarballs).sort()) {
    const publint = await exec(bin('publint'), ['run', '--strict', tarball]);
    if (!/All good!/.test(publint.stdout)) problems.push(`publint ${name}:\n${publint.stdout}`);
    await exec(bin('attw'), [tarball, '--format', 'ascii']).catch((error) =>
      problems.push(`attw ${name}:\n${error.output}`),
    );
    const { stdout } = await exec('tar', ['-xzOf', tarball, 'package/LICENSE']).catch(() => ({}));
    if (stdout !== license) problems.push(`${name}: the tarball's LICENSE is not the root LICENSE`);
  }
  for (const { name, dir } of packages) {
    const own = await readFile(path.join(dir, 'LICENSE'), 'utf8').catch(() => '');
    if (own !== license) problems.push(`${name}: ${dir}/LICENSE is not the root LICENSE`);
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return Object.keys(tarballs).sort();
}
