import { defineConfig } from 'tsup';
import base from '../../tsup.base';

/**
 * The shared build, plus the import-only `@otelware/node/start` entry, for the Node.js
 * versions the OpenTelemetry SDK 3 line runs on.
 */
export default defineConfig({
  ...base,
  entry: ['src/index.ts', 'src/start.ts'],
  target: 'node22',
});
