import { realpathSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sdkLine, type SdkLine } from '../../platforms/sdk-line.cjs';

/** The part of platforms/runtime.mjs the benchmark uses (an ES module without types). */
interface Runtimes {
  runtimeBinary(kind: 'node', line: string): string;
  runWith(
    binary: string,
    command: string,
    args: readonly string[],
    options?: { readonly cwd?: string },
  ): { readonly status: number | null };
}

/** `BENCH_NODE`: the Node.js line to measure, one of platforms/runtimes.json. */
export function benchNodeLine(env: NodeJS.ProcessEnv = process.env): string {
  return env.BENCH_NODE?.trim() || '24';
}

/**
 * Runs the benchmark on the official binary of `BENCH_NODE` (installed by
 * platforms/runtime.mjs on first use): when this process is another Node.js, starts
 * `entry` again under that binary with tsx and resolves to its exit code; when it is
 * that binary already, resolves to undefined and the caller measures. Every child the
 * runner starts then runs on it too (they are spawned with `process.execPath`).
 */
export async function rerunOnBenchNode(
  benchDir: string,
  entry: string,
): Promise<number | undefined> {
  const runtimeFile = path.join(benchDir, '..', 'platforms', 'runtime.mjs');
  const runtimes = (await import(pathToFileURL(runtimeFile).href)) as Runtimes;
  const binary = runtimes.runtimeBinary('node', benchNodeLine());
  if (realpathSync(binary) === realpathSync(process.execPath)) return undefined;
  const run = runtimes.runWith(binary, binary, ['--import', 'tsx', entry], { cwd: benchDir });
  return run.status ?? 1;
}

/**
 * The SDK line this Node.js measures: `BENCH_SDK` (2 or 3) where it runs here, else
 * the newest line it runs (SDK 3 needs Node.js 22.15). Set as `OTELWARE_SDK` for the
 * children, whose `sdkRequire()` and API copy follow it.
 */
export function selectSdkLine(env: NodeJS.ProcessEnv = process.env): SdkLine {
  const newest = sdkLine({});
  const wanted = env.BENCH_SDK?.trim();
  if (wanted !== undefined && wanted !== '' && wanted !== '2' && wanted !== '3') {
    throw new Error(`BENCH_SDK must be 2 or 3, not ${wanted}`);
  }
  const line: SdkLine = wanted === '2' || wanted === '3' ? (Number(wanted) as SdkLine) : newest;
  if (line > newest) {
    throw new Error(`BENCH_SDK=3 needs Node.js 22.15 or later; this is ${process.version}`);
  }
  env.OTELWARE_SDK = String(line);
  return line;
}
