import type { Config } from 'jest';

/**
 * One Jest run for the whole workspace. Tests import workspace packages from their
 * TypeScript sources (see moduleNameMapper), so `jest` never tests a stale build;
 * the smoke and ESM tests load the built `dist/` on purpose.
 */
const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages', '<rootDir>/examples', '<rootDir>/bench'],
  testMatch: ['**/test/**/*.test.ts'],
  moduleNameMapper: {
    '^@otelware/([a-z-]+)$': '<rootDir>/packages/$1/src/index.ts',
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: { module: 'commonjs', isolatedModules: true } }],
    // cookie@2 ships ESM only; light-my-request (Fastify 5's inject) requires it, which plain Node 20
    // does (require(esm)) but Jest's module registry cannot: compile that one file to CommonJS.
    '/cookie/dist/index\\.js$': [
      'ts-jest',
      { tsconfig: { module: 'commonjs', allowJs: true, isolatedModules: true } },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!\\.pnpm/cookie@2|cookie/dist/)'],
  testTimeout: 20_000,
  // Jest's default on 2 cores is one worker; the suites spend much of their time in
  // sockets and servers, and two workers halve the wall time there (about 150 s).
  maxWorkers: 2,
};

export default config;
