import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const MEASURED = [
  'express',
  'koa',
  '@koa/router',
  'fastify',
  '@opentelemetry/api',
  '@opentelemetry/sdk-trace-node',
  '@opentelemetry/instrumentation-http',
  '@opentelemetry/instrumentation-express',
  '@opentelemetry/instrumentation-koa',
  '@fastify/otel',
  'autocannon',
];

function versionOf(requireFromBench: NodeJS.Require, name: string): string {
  try {
    const entry = requireFromBench.resolve(name);
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

/** One line naming the version of every package the numbers depend on. */
export function versionsMeasured(benchDir: string): string {
  const requireFromBench = createRequire(path.join(benchDir, 'package.json'));
  const otelware = (
    JSON.parse(
      readFileSync(path.join(benchDir, '..', 'packages', 'core', 'package.json'), 'utf8'),
    ) as {
      version: string;
    }
  ).version;
  return [
    `@otelware/* ${otelware}`,
    ...MEASURED.map((name) => `${name} ${versionOf(requireFromBench, name)}`),
  ].join(', ');
}
