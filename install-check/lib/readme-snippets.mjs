import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { exec } from './exec.mjs';
import { publicPackages } from './pack.mjs';

/**
 * Every README's install lines and code snippets, tried as a reader would (README.md here says
 * the convention). An install line is any `npm install …` in the README, in a ```sh block or
 * inline code; each is run verbatim in a fresh folder, with the @otelware packages taken from
 * their tarballs. The ```ts / ```js blocks after a ```sh install line form one app in that
 * folder: a block whose first line is a comment naming a file (`// tracing.ts`) is written to
 * that file, the others to snippet-N.ts. They are compiled by tsc (strict, nodenext) and each
 * file no other one imports is run with Node.js. A block right after
 * `<!-- snippet: fragment: why -->` is skipped, after `<!-- snippet: no-run: why -->` compiled
 * but not run, after `<!-- snippet: serves: /path -->` run as a server (on the port in `PORT`)
 * that must answer GET /path with a 200, then stopped.
 */
export async function checkReadmes(root, workDir, tarballs) {
  const readmes = [
    'README.md',
    ...(await publicPackages(root)).map(({ dir }) =>
      path.join(path.relative(root, dir), 'README.md'),
    ),
  ];
  const groups = [];
  const unreadable = [];
  for (const readme of readmes) {
    try {
      groups.push(...parseReadme(readme, await readFile(path.join(root, readme), 'utf8')));
    } catch (error) {
      unreadable.push({ name: `${readme}: snippets`, check: () => Promise.reject(error) });
    }
  }
  const base = path.join(workDir, 'readmes');
  await installTools(base);
  const results = await inBatches(groups, 4, async (group, index) => {
    const cwd = path.join(base, `${index}`);
    try {
      checkImportsNamed(group);
      await installVerbatim(group, cwd, tarballs);
      if (group.files.length > 0) await compileAndRun(group, cwd, base);
      return { group };
    } catch (error) {
      return { group, error };
    }
  });
  return unreadable.concat(
    results.map(({ group, error }) => ({
      name: `${group.readme}:${group.line}: ${group.command}${describeFiles(group)}`,
      check: async () => {
        if (error) throw error;
      },
    })),
  );
}

const describeFiles = ({ files, skipped }) => {
  const names = (list) => list.map((file) => file.name).join(', ');
  const run = entries(files);
  const loaded = files.filter((file) => file.run && !run.includes(file)); // imported or preloaded
  return (
    (run.length ? `; runs ${names(run)}` : '') +
    run
      .filter((file) => file.serves)
      .map((file) => ` (${file.name} serves GET ${file.serves})`)
      .join('') +
    (loaded.length ? ` with ${names(loaded)}` : '') +
    (files.some((f) => !f.run) ? `; compiles only ${names(files.filter((f) => !f.run))}` : '') +
    (skipped ? `; ${skipped} fragment(s)` : '')
  );
};

/** The files Node.js runs: those not marked no-run that no other file imports. */
function entries(files) {
  const imported = (name) =>
    files.some((file) => file.source.includes(`'./${name.replace(/\.ts$/, '.js')}'`));
  return files.filter((file) => file.run && !imported(file.name));
}

/** The README's install lines, each with the snippets that follow it (until the next one). */
export function parseReadme(readme, text) {
  const lines = text.split('\n');
  const groups = [];
  let current;
  let marker;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i];
    const fence = /^```(\w*)\s*$/.exec(line);
    if (!fence) {
      const mark = /^<!-- snippet: (fragment|no-run|serves): (.+) -->$/.exec(line.trim());
      if (mark) marker = { kind: mark[1], value: mark[2] };
      else if (line.trim() !== '') marker = undefined;
      for (const [, command] of line.matchAll(/`(npm install [^`]+)`/g)) {
        groups.push({ readme, line: i + 1, command, files: [], skipped: 0 });
      }
      continue;
    }
    const start = i;
    const body = [];
    for (i += 1; i < lines.length && !/^```\s*$/.test(lines[i]); i += 1) body.push(lines[i]);
    const lang = fence[1];
    if (lang === 'sh' && body.some((l) => l.startsWith('npm install '))) {
      const command = body.find((l) => l.startsWith('npm install ')).trim();
      current = { readme, line: start + 2, command, files: [], skipped: 0 };
      groups.push(current);
    } else if (lang === 'ts' || lang === 'js') {
      if (marker?.kind === 'fragment') {
        if (current) current.skipped += 1;
      } else if (!current) {
        throw new Error(
          `${readme}:${start + 1}: a snippet before any install line (mark it a fragment)`,
        );
      } else {
        const named = /^\/\/ ([\w.-]+\.ts)\b/.exec(body[0] ?? '');
        const name = named ? named[1] : `snippet-${start + 1}.ts`;
        current.files.push({
          name,
          source: body.join('\n'),
          run: marker?.kind !== 'no-run',
          serves: marker?.kind === 'serves' ? marker.value : undefined,
        });
      }
    }
    marker = undefined;
  }
  return groups;
}

/** tsc and the type packages the READMEs tell TypeScript users to add, one folder up. */
async function installTools(base) {
  await mkdir(base, { recursive: true });
  await writeFile(path.join(base, 'package.json'), '{ "private": true }\n');
  const tools = ['typescript@latest', '@types/node@24', '@types/express@5', '@types/koa@3'];
  await exec('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...tools], {
    cwd: base,
  });
}

/** Every package a snippet imports must be on its install line (npm would add peers silently). */
function checkImportsNamed(group) {
  const named = new Set(packagesOf(group.command));
  for (const file of group.files) {
    for (const [, specifier] of file.source.matchAll(/(?:from|import) '([^'.][^']*)'/g)) {
      if (specifier.startsWith('node:')) continue;
      const name = specifier
        .split('/')
        .slice(0, specifier.startsWith('@') ? 2 : 1)
        .join('/');
      if (!named.has(name))
        throw new Error(`${file.name} imports ${name}, not on the install line`);
    }
  }
}

const packagesOf = (command) =>
  command
    .split(/\s+/)
    .slice(2)
    .map((arg) => arg.replace(/(.)@.*$/, '$1'));

/** The install line as written, the @otelware packages it names swapped for their tarballs. */
async function installVerbatim(group, cwd, tarballs) {
  await mkdir(cwd, { recursive: true });
  const args = group.command.split(/\s+/).slice(2);
  const named = new Set(packagesOf(group.command));
  // the other @otelware packages (an adapter's @otelware/core) come from their tarballs too
  const overrides = Object.fromEntries(
    Object.entries(tarballs)
      .filter(([name]) => !named.has(name))
      .map(([name, file]) => [name, `file:${file}`]),
  );
  const manifest = { name: 'readme-snippet', private: true, type: 'module', overrides };
  await writeFile(path.join(cwd, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const resolved = args.map((arg) => tarballs[arg] ?? arg);
  await exec('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...resolved], {
    cwd,
  });
}

async function compileAndRun(group, cwd, base) {
  for (const file of group.files) await writeFile(path.join(cwd, file.name), `${file.source}\n`);
  const tsc = path.join(base, 'node_modules', '.bin', 'tsc');
  // what `tsc --init` sets, and Node's types (TypeScript 6+ no longer includes every @types)
  const options = ['--strict', '--module', 'nodenext', '--target', 'es2022', '--skipLibCheck'];
  options.push('--types', 'node', '--outDir', 'out');
  // NestJS's decorators are TypeScript's legacy ones, as every Nest project's tsconfig sets
  if (group.files.some((file) => file.source.includes("from '@nestjs/"))) {
    options.push('--experimentalDecorators', '--emitDecoratorMetadata');
  }
  await exec(tsc, [...options, ...group.files.map((file) => file.name)], { cwd });
  const hasTracing = group.files.some((file) => file.name === 'tracing.ts');
  for (const file of entries(group.files)) {
    const js = file.name.replace(/\.ts$/, '.js');
    // app.ts is "imported after tracing.ts" in the READMEs: run it the way they say
    const preload = file.name === 'app.ts' && hasTracing ? ['--import', './out/tracing.js'] : [];
    const args = [...preload, path.join('out', js)];
    const env = { OTEL_TRACES_EXPORTER: 'none' };
    if (file.serves) await serve(args, file.serves, { cwd, env });
    else await exec('node', args, { cwd, timeoutMs: 30_000, env });
  }
}

/** A free TCP port on 127.0.0.1 (the OS's pick, released again). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * Runs a snippet that starts a server on `PORT`, asks it GET `urlPath` until it answers (within
 * 30 s), which must be a 200, then stops it. Rejects with its output otherwise.
 */
async function serve(args, urlPath, { cwd, env }) {
  const port = await freePort();
  const child = spawn('node', args, { cwd, env: { ...process.env, ...env, PORT: `${port}` } });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.on('close', (code) => resolve(code)));
  let exit; // set once the process is gone
  void exited.then((code) => (exit = { code }));
  const fail = (why) => Object.assign(new Error(`node ${args.join(' ')}: ${why}`), { output });
  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (exit) throw fail(`exited (code ${exit.code}) before answering`);
      const response = await fetch(`http://127.0.0.1:${port}${urlPath}`).catch(() => undefined);
      if (response) {
        await response.text();
        if (response.status !== 200) throw fail(`GET ${urlPath} answered ${response.status}`);
        return;
      }
      if (Date.now() > deadline) throw fail(`GET ${urlPath}: no answer within 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    child.kill('SIGKILL');
    await exited;
  }
}

async function inBatches(items, size, fn) {
  const results = [];
  for (let i = 0; i < items.length; i += size) {
    results.push(
      ...(await Promise.all(items.slice(i, i + size).map((item, j) => fn(item, i + j)))),
    );
  }
  return results;
}
