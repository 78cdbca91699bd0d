import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { SdkLine } from '../../platforms/sdk-line.cjs';
import { sdkRequire } from './sdk-require';

/** The OpenTelemetry packages the servers load from the SDK line (see `sdkRequire`). */
const SDK_PACKAGES = [
  '@opentelemetry/api',
  '@opentelemetry/sdk-trace',
  '@opentelemetry/context-async-hooks',
  '@opentelemetry/core',
  '@opentelemetry/instrumentation',
  '@opentelemetry/instrumentation-http',
  '@opentelemetry/instrumentation-express',
  '@opentelemetry/instrumentation-koa',
];

/** The packages the servers load from the benchmark's own dependencies, whatever the line. */
const BENCH_PACKAGES = ['express', 'koa', '@koa/router', 'fastify', 'autocannon'];

function versionOf(from: NodeJS.Require, name: string): string {
  try {
    const entry = from.resolve(name);
    let dir = path.dirname(entry);
    while (!dir.endsWith(path.join('node_modules', name)) && dir !== path.dirname(dir)) {
      dir = path.dirname(dir);
    }
    return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string })
      .version;
  } catch {
    return '?';
  }
}

/** `@fastify/otel` with the instrumentation base it brings along (its API is the line's). */
function fastifyOtel(requireFromBench: NodeJS.Require): string {
  const own = versionOf(requireFromBench, '@fastify/otel');
  const fromFastifyOtel = createRequire(requireFromBench.resolve('@fastify/otel'));
  return `@fastify/otel ${own} (with @opentelemetry/instrumentation ${versionOf(fromFastifyOtel, '@opentelemetry/instrumentation')})`;
}

/**
 * Two lines naming the version of every package the numbers depend on: the
 * OpenTelemetry SDK line's, then otelware's and the apps'.
 */
export function versionsMeasured(benchDir: string, line: SdkLine): string {
  const requireFromBench = createRequire(path.join(benchDir, 'package.json'));
  const fromLine = sdkRequire(line);
  const otelware = (
    JSON.parse(
      readFileSync(path.join(benchDir, '..', 'packages', 'core', 'package.json'), 'utf8'),
    ) as {
      version: string;
    }
  ).version;
  return [
    `OpenTelemetry JS SDK ${line}: ${SDK_PACKAGES.map((name) => `${name} ${versionOf(fromLine, name)}`).join(', ')}, ${fastifyOtel(requireFromBench)}`,
    [
      `@otelware/* ${otelware}`,
      ...BENCH_PACKAGES.map((name) => `${name} ${versionOf(requireFromBench, name)}`),
    ].join(', '),
  ].join('\n');
}
