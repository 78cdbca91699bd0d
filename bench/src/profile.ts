import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { SERVER_CPU, type Log } from './bench-framework';
import type { BenchConfig } from './config';
import { applyLoad } from './load';
import { startServer } from './start-server';
import { summarizeProfile } from './summarize-profile';
import { SERVER_VARIANTS, type Framework } from './variants';

/**
 * `BENCH_PROFILE=1`: runs each framework's `otelware` server (or the variant named
 * by `BENCH_PROFILE_VARIANT`) under `--cpu-prof`, loads it, and prints where its
 * CPU time went. Profiles land in `bench/profiles/<framework>/` (git-ignored).
 */
export async function profileFramework(
  benchDir: string,
  framework: Framework,
  config: BenchConfig,
  log: Log,
): Promise<string> {
  const name = process.env.BENCH_PROFILE_VARIANT ?? 'otelware';
  const variant = SERVER_VARIANTS.find((candidate) => candidate.name === name);
  if (variant === undefined) throw new Error(`BENCH_PROFILE_VARIANT: no variant '${name}'`);
  const dir = path.join(benchDir, 'profiles', framework);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const server = await startServer({
    benchDir,
    framework,
    variant,
    cpu: SERVER_CPU,
    nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`],
  });
  try {
    await applyLoad(server.port, config.warmup, config.connections);
    const result = await applyLoad(server.port, config.duration * 2, config.connections);
    log(`${framework} ${name}: ${Math.round(result.requestsPerSecond)} req/s under the profiler`);
  } finally {
    await server.stop(); // process.exit() in the child writes the profile
  }
  const file = readdirSync(dir).find((entry) => entry.endsWith('.cpuprofile'));
  if (file === undefined) throw new Error(`no profile written in ${dir}`);
  return `## ${framework} ${name} (${path.join(dir, file)})\n${summarizeProfile(path.join(dir, file))}`;
}
