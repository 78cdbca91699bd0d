#!/usr/bin/env node
// Runs the test suites on every platform otelware supports, one named run after another,
// and ends with one line counting every test of every run.
//
//   node platforms/test-matrix.mjs                   every run below
//   node platforms/test-matrix.mjs 24 [JEST ARGS]    the runs on Node.js 24 (SDK 3 and SDK 2)
//   node platforms/test-matrix.mjs bun               the Bun run
//
// The packages must be built first (`pnpm test` and `pnpm test:node` do it).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RUNTIMES, runtimeBinary } from './runtime.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sdkVersions = { 3: 'SDK 3 (sdk-trace 3.x, api 1.10)', 2: 'SDK 2 (sdk-trace 2.x, api 1.9)' };

/** Every run: the whole suite on each supported line; the adapters (NestJS too), fetch and core on SDK 2. */
export const RUNS = [
  { line: '24', sdk: 3, scope: 'every suite' },
  { line: '22', sdk: 3, scope: 'every suite' },
  { line: '26', sdk: 3, scope: 'every suite' },
  { line: '24', sdk: 2, scope: 'adapters, NestJS, fetch and core' },
  { line: '20', sdk: 2, scope: 'adapters, NestJS, fetch and core' },
  { line: 'bun', sdk: 3, scope: 'a real app per adapter, and fetch' },
];

function runName(run) {
  const runtime = run.line === 'bun' ? `Bun ${RUNTIMES.bun}` : `Node.js ${RUNTIMES.node[run.line]}`;
  return `${runtime} · ${sdkVersions[run.sdk]} · ${run.scope}`;
}

/** Runs a command, streaming its output, and resolves to its exit code and text. */
function stream(command, args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (chunk) => ((text += chunk), process.stdout.write(chunk)));
    child.stderr.on('data', (chunk) => ((text += chunk), process.stderr.write(chunk)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, text }));
  });
}

const count = (text, pattern) => Number(text.match(pattern)?.[1] ?? 0);

/** Passed and failed tests from Jest's `Tests:` line or `bun test`'s ` N pass` / ` N fail`. */
function countTests(run, text) {
  if (run.line === 'bun') {
    return { passed: count(text, /^\s*(\d+) pass$/m), failed: count(text, /^\s*(\d+) fail$/m) };
  }
  const summary = text.match(/^Tests:.*$/m)?.[0] ?? '';
  return { passed: count(summary, /(\d+) passed/), failed: count(summary, /(\d+) failed/) };
}

async function execute(run, jestArgs) {
  const binary = runtimeBinary(run.line === 'bun' ? 'bun' : 'node', run.line);
  const env = {
    ...process.env,
    OTELWARE_SDK: String(run.sdk),
    PATH: `${path.dirname(binary)}${path.delimiter}${process.env.PATH}`,
  };
  const [command, args, cwd] =
    run.line === 'bun'
      ? [binary, ['run', 'test'], path.join(root, 'platforms', 'bun')]
      : [binary, [path.join(root, 'node_modules', 'jest', 'bin', 'jest.js'), ...jestArgs], root];
  const { code, text } = await stream(command, args, { cwd, env });
  const tests = countTests(run, text);
  // a run that executed no test has proven nothing
  return { ...tests, ok: code === 0 && tests.failed === 0 && tests.passed > 0 };
}

async function main() {
  const [only, ...jestArgs] = process.argv.slice(2);
  const runs = only === undefined ? RUNS : RUNS.filter((run) => run.line === only);
  if (runs.length === 0) {
    const lines = [...new Set(RUNS.map((run) => run.line))].join(', ');
    throw new Error(`no run on "${only}": choose one of ${lines}`);
  }
  const results = [];
  for (const [index, run] of runs.entries()) {
    console.log(`\n== [${index + 1}/${runs.length}] ${runName(run)}\n`);
    const started = Date.now();
    const result = await execute(run, jestArgs);
    results.push({ run, ...result, seconds: Math.round((Date.now() - started) / 1000) });
  }
  console.log('\n== every run');
  for (const { run, passed, failed, ok, seconds } of results) {
    const verdict = ok ? 'ok  ' : 'FAIL';
    console.log(`${verdict} ${runName(run)}: ${passed} passed, ${failed} failed (${seconds} s)`);
  }
  const passed = results.reduce((sum, result) => sum + result.passed, 0);
  const failed = results.reduce((sum, result) => sum + result.failed, 0);
  console.log(`all: ${passed} passed, ${failed} failed`);
  process.exitCode = results.every((result) => result.ok) ? 0 : 1;
}

await main();
