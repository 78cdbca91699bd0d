import { createRequire } from 'node:module';
import path from 'node:path';
import { sdkLine, sdkLineDir, sdkLineRequire, type SdkLine } from '../../platforms/sdk-line.cjs';

/**
 * A `require` for the OpenTelemetry packages of an SDK line (platforms/sdk-line.cjs),
 * the official instrumentations included. Line 2 has them all in platforms/sdk2; line 3's
 * are the benchmark's own dependencies, because the workspace root holds the SDK but no
 * instrumentation (the SDK packages resolve to the same copies from either).
 * `@fastify/otel` has no line of its own: it is always the benchmark's.
 */
export function sdkRequire(line: SdkLine = sdkLine()): NodeJS.Require {
  if (line === 2) return sdkLineRequire(2);
  return createRequire(path.join(sdkLineDir(3), 'bench', 'package.json'));
}
