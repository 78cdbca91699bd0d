import { defineConfig } from 'tsup';

/** The one build every published package shares: ESM + CommonJS with types, for Node 20. */
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
});
