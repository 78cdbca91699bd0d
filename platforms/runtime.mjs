#!/usr/bin/env node
// The Node.js lines and Bun that otelware is proven on, installed from the npm registry
// (the official binaries in `node-<os>-<arch>` and `bun`), pinned in runtimes.json, kept
// in .platforms/ (git-ignored) and reused.
//
//   node platforms/runtime.mjs node 24                  prints the binary's path
//   node platforms/runtime.mjs node 24 -- CMD ARGS...   runs CMD with that node first on PATH
//   node platforms/runtime.mjs bun -- CMD ARGS...       the same for Bun
//
// A CMD of `pnpm` runs the pnpm that runs this script, under the chosen runtime.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const RUNTIMES = JSON.parse(
  readFileSync(path.join(root, 'platforms', 'runtimes.json'), 'utf8'),
);

function install(dir, spec) {
  execFileSync(
    'npm',
    ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefix', dir, spec],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
}

/** The pinned version of a runtime (`node` with its line, or `bun`). */
export function runtimeVersion(kind, line) {
  const version = kind === 'node' ? RUNTIMES.node[line] : kind === 'bun' ? RUNTIMES.bun : undefined;
  if (!version) {
    const lines = Object.keys(RUNTIMES.node).join(', ');
    throw new Error(`unknown runtime "${kind} ${line ?? ''}": use node (${lines}) or bun`);
  }
  return version;
}

/** The path of the runtime's binary, installed on first use. */
export function runtimeBinary(kind, line) {
  const version = runtimeVersion(kind, line);
  const dir = path.join(root, '.platforms', `${kind}-${version}`);
  const pkg = kind === 'node' ? `node-${process.platform}-${process.arch}` : 'bun';
  const binary =
    kind === 'node'
      ? path.join(dir, 'node_modules', pkg, 'bin', 'node')
      : path.join(dir, 'node_modules', '.bin', 'bun');
  if (!existsSync(binary)) {
    console.error(`== installing ${kind} ${version} from the npm registry (${pkg})`);
    install(dir, `${pkg}@${version}`);
  }
  return binary;
}

/** Runs a command with the runtime's folder first on PATH; resolves to its exit code. */
export function runWith(binary, command, args, options = {}) {
  const env = { ...process.env, ...options.env };
  env.PATH = `${path.dirname(binary)}${path.delimiter}${env.PATH}`;
  const pnpm = command === 'pnpm' && process.env.npm_execpath;
  const [file, argv] = pnpm ? [binary, [process.env.npm_execpath, ...args]] : [command, args];
  const result = spawnSync(file, argv, {
    stdio: options.stdio ?? 'inherit',
    env,
    cwd: options.cwd,
  });
  if (result.error) throw result.error;
  return result;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [kind, ...rest] = process.argv.slice(2);
  const line = kind === 'node' ? rest.shift() : undefined;
  const binary = runtimeBinary(kind, line);
  if (rest[0] !== '--') {
    console.log(binary);
  } else {
    const [command, ...args] = rest.slice(1);
    console.log(`== ${kind} ${runtimeVersion(kind, line)}: ${[command, ...args].join(' ')}`);
    process.exit(runWith(binary, command, args).status ?? 1);
  }
}
