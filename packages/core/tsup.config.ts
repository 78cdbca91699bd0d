import { defineConfig } from 'tsup';
import base from '../../tsup.base';

// two entries: the user API and `@otelware/core/adapter`, for otelware's own packages
export default defineConfig({ ...base, entry: ['src/index.ts', 'src/adapter.ts'] });
