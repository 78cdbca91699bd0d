import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { assertSpans, reportsIn, TRACEPARENT } from './assert-report.mjs';
import { exec } from './exec.mjs';
import { startOtlpReceiver } from './otlp-receiver.mjs';

const APPS_DIR = path.join(import.meta.dirname, '..', 'apps');

/** esbuild's one-line banner an ESM bundle needs for the CommonJS it inlines (docs: packages/node). */
export const ESM_BANNER =
  "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

/**
 * The apps, each installed once (by `installer`) into its own folder, then run as `checks`:
 * `run` starts a process that answers real requests and prints its spans (apps/shared),
 * `otlp` has it export them over OTLP/JSON to the runner instead, `reports` counts the rounds,
 * `typecheck` runs a tsc on a tsconfig and must succeed (emitting, when the tsconfig says so, what
 * later checks run), `script` runs a Node.js script that must exit 0.
 */
export const APPS = [
  {
    dir: 'express4-cjs',
    installer: 'npm',
    checks: [{ name: 'Express 4, CommonJS, SDK set up by hand', run: ['server.cjs'] }],
  },
  {
    dir: 'express5-esm',
    installer: 'npm',
    checks: [
      { name: 'Express 5, native ESM, start() from @otelware/node', run: ['server.mjs'] },
      { name: 'esbuild bundle, CommonJS output, run without node_modules', bundle: 'cjs' },
      {
        name: 'esbuild bundle, ESM output (createRequire banner), run without node_modules',
        bundle: 'esm',
      },
      {
        name: 'node --import @otelware/node/start, spans over OTLP/JSON',
        run: ['--import', '@otelware/node/start', 'plain.mjs'],
        otlp: true,
      },
    ],
  },
  {
    dir: 'koa3-esm',
    installer: 'pnpm',
    checks: [
      { name: 'Koa 3, native ESM, nested @koa/router, installed with pnpm', run: ['server.mjs'] },
    ],
  },
  {
    dir: 'fastify5-cjs',
    installer: 'npm',
    checks: [
      {
        name: 'Fastify 5, CommonJS, prefixed plugin, listen() then inject()',
        run: ['server.cjs'],
        reports: 2,
      },
    ],
  },
  {
    dir: 'typescript',
    installer: 'npm',
    checks: [
      {
        name: 'TypeScript (latest) strict, nodenext (ESM and .cts)',
        typecheck: ['.bin/tsc', 'nodenext'],
      },
      {
        name: 'TypeScript (latest) strict, bundler resolution',
        typecheck: ['.bin/tsc', 'bundler'],
      },
      {
        name: 'TypeScript (latest), our .d.ts files with skipLibCheck off',
        typecheck: ['.bin/tsc', 'declarations'],
      },
      {
        name: 'TypeScript 5.9 strict, nodenext (ESM and .cts)',
        typecheck: ['typescript5/bin/tsc', 'nodenext'],
      },
      {
        name: 'TypeScript 5.9 strict, bundler resolution',
        typecheck: ['typescript5/bin/tsc', 'bundler'],
      },
    ],
  },
  {
    dir: 'nest11-ts',
    installer: 'npm',
    checks: [
      {
        name: 'NestJS 11: two fastify copies, our peer and the one Nest pins',
        script: ['fastify-copies.cjs'],
      },
      {
        name: 'NestJS 11, TypeScript strict + decorators, app.register(tracing) on Nest Fastify',
        typecheck: ['.bin/tsc', 'build'],
      },
      {
        name: 'NestJS 11, platform-express, await tracing(app)',
        run: ['dist/main.js', 'express'],
      },
      {
        name: 'NestJS 11, platform-fastify, await tracing(app)',
        run: ['dist/main.js', 'fastify'],
      },
    ],
  },
  {
    dir: 'nest12-esm',
    installer: 'npm',
    checks: [
      {
        name: 'NestJS 12, native ESM, TypeScript strict + decorators, app.register(tracing) on Nest Fastify',
        typecheck: ['.bin/tsc', 'build'],
      },
      {
        name: 'NestJS 12, native ESM, platform-express, await tracing(app)',
        run: ['dist/main.js', 'express'],
      },
      {
        name: 'NestJS 12, native ESM, platform-fastify, await tracing(app)',
        run: ['dist/main.js', 'fastify'],
      },
    ],
  },
];

/**
 * A copy of an app in `workDir`, its otelware dependencies pointing at the tarballs: `PACKED`
 * entries become `file:` specs, and overrides send every @otelware package (e.g. the adapters'
 * own `@otelware/core`) to its tarball too, since none of them comes from the registry here.
 */
async function createApp(app, workDir, tarballs) {
  const target = path.join(workDir, app.dir);
  await rm(target, { recursive: true, force: true });
  await cp(path.join(APPS_DIR, app.dir), target, { recursive: true });
  await cp(path.join(APPS_DIR, 'shared', 'exercise.cjs'), path.join(target, 'exercise.cjs'));
  const manifest = JSON.parse(await readFile(path.join(target, 'package.json'), 'utf8'));
  const packed = Object.fromEntries(
    Object.entries(tarballs).map(([name, file]) => [name, `file:${file}`]),
  );
  for (const deps of [manifest.dependencies, manifest.devDependencies]) {
    for (const name of Object.keys(deps ?? {}))
      if (deps[name] === 'PACKED') deps[name] = packed[name];
  }
  if (app.installer === 'pnpm') manifest.pnpm = { overrides: packed };
  else manifest.overrides = packed;
  await writeFile(path.join(target, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return target;
}

/** Creates and installs every app, the installs in parallel (one npm cache, one pnpm store). */
export async function installApps(workDir, tarballs, pnpm) {
  return Promise.all(
    APPS.map(async (app) => {
      const cwd = await createApp(app, workDir, tarballs);
      if (app.installer === 'pnpm') await pnpm(['install', '--prefer-offline'], { cwd });
      else await exec('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], { cwd });
      return { ...app, cwd };
    }),
  );
}

async function bundle(app, format, workDir) {
  const outDir = path.join(workDir, `bundle-${format}`);
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir);
  const outfile = path.join(outDir, format === 'esm' ? 'app.mjs' : 'app.cjs');
  const banner = format === 'esm' ? [`--banner:js=${ESM_BANNER}`] : [];
  const esbuild = path.join(app.cwd, 'node_modules', '.bin', 'esbuild');
  await exec(
    esbuild,
    [
      'server.mjs',
      '--bundle',
      '--platform=node',
      `--format=${format}`,
      `--outfile=${outfile}`,
      ...banner,
    ],
    {
      cwd: app.cwd,
    },
  );
  return { cwd: outDir, args: [outfile] };
}

/** Runs one check; throws (with the app's output) if it fails. */
export async function runCheck(app, check, workDir) {
  if (check.typecheck) {
    const [tsc, config] = check.typecheck; // tsconfig.<config>.json, with tsc from node_modules/<tsc>
    await exec(path.join(app.cwd, 'node_modules', tsc), ['-p', `tsconfig.${config}.json`], {
      cwd: app.cwd,
    });
    return;
  }
  if (check.script) {
    const { stdout } = await exec('node', check.script, { cwd: app.cwd });
    return stdout.trim();
  }
  const { cwd, args } = check.bundle
    ? await bundle(app, check.bundle, workDir)
    : { cwd: app.cwd, args: check.run };
  const receiver = check.otlp ? await startOtlpReceiver() : undefined;
  const env = {
    CHECK_TRACEPARENT: TRACEPARENT,
    NODE_ENV: 'test', // Express's final handler prints errors otherwise
    OTEL_TRACES_EXPORTER: check.otlp ? 'otlp' : 'none',
    OTEL_METRICS_EXPORTER: 'none',
    ...(receiver && {
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: receiver.endpoint,
      OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json',
    }),
  };
  try {
    const { stdout, stderr } = await exec('node', args, { cwd, env, timeoutMs: 60_000 });
    const reports = reportsIn(stdout);
    if (reports.length !== (check.reports ?? 1)) {
      throw new Error(
        `expected ${check.reports ?? 1} report(s), got ${reports.length}:\n${stdout}\n${stderr}`,
      );
    }
    for (const { responses, spans } of reports) assertSpans(responses, spans ?? receiver.take());
  } finally {
    await receiver?.close();
  }
}
