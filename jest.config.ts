import type { Config } from 'jest';
import { sdkLine, sdkLineModules } from './platforms/sdk-line.cjs';

/**
 * One Jest run for the whole workspace, on one OpenTelemetry SDK line (platforms/README.md).
 * Tests import workspace packages from their TypeScript sources (see moduleNameMapper), so
 * `jest` never tests a stale build; the smoke and ESM tests load the built `dist/` on purpose.
 */
const line = sdkLine();

const config: Config = {
  testEnvironment: 'node',
  // The SDK 2 line proves the adapters, fetch and the core; `@otelware/node`, the examples
  // and the benchmark harness are built on SDK 3.
  roots:
    line === 3
      ? ['<rootDir>/packages', '<rootDir>/examples', '<rootDir>/bench']
      : ['<rootDir>/packages'],
  testPathIgnorePatterns: line === 3 ? ['/node_modules/'] : ['/node_modules/', '/packages/node/'],
  testMatch: ['**/test/**/*.test.ts'],
  moduleNameMapper: {
    '^@otelware/([a-z-]+)$': '<rootDir>/packages/$1/src/index.ts',
    '^@otelware/core/adapter$': '<rootDir>/packages/core/src/adapter.ts',
    // Every module in the run, ours and the SDK's, gets one copy of the API and the SDK.
    ...sdkLineModules(line, '<rootDir>'),
  },
  transform: {
    // experimentalDecorators: NestJS's decorators (packages/nestjs tests) are the legacy kind
    '^.+\\.ts$': [
      'ts-jest',
      { tsconfig: { module: 'commonjs', isolatedModules: true, experimentalDecorators: true } },
    ],
    // cookie@2 ships ESM only; light-my-request (Fastify 5's inject) requires it, which plain Node
    // does (require(esm)) but Jest's module registry cannot: compile that one file to CommonJS.
    '/cookie/dist/index\\.js$': [
      'ts-jest',
      { tsconfig: { module: 'commonjs', allowJs: true, isolatedModules: true } },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!\\.pnpm/cookie@2|cookie/dist/)'],
  testTimeout: 20_000,
  // Jest's default on 2 cores is one worker; the suites spend much of their time in
  // sockets and servers, and two workers halve the wall time there.
  maxWorkers: 2,
};

export default config;
