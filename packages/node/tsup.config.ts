import { defineConfig } from 'tsup';
import base from '../../tsup.base';

/** The shared build, plus the import-only `@otelware/node/start` entry. */
export default defineConfig({ ...base, entry: ['src/index.ts', 'src/start.ts'] });
