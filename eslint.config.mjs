// One flat config for the workspace. Besides the usual rules it holds the
// architecture's boundary: core imports no framework; adapters import only
// @otelware/core, the OpenTelemetry API and their framework's *types*.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const frameworks = [
  'express',
  'express4',
  'koa',
  'koa2',
  '@koa/router',
  'fastify',
  'fastify4',
  'fastify-plugin',
  'undici',
];
const sdkPackages = ['@opentelemetry/sdk-*', '@opentelemetry/context-*', '@opentelemetry/core'];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['packages/core/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: frameworks.map((name) => ({ name, message: 'core is framework-neutral.' })),
          patterns: [{ group: sdkPackages, message: 'core depends on @opentelemetry/api only.' }],
        },
      ],
    },
  },
  {
    files: ['packages/{express,koa,fastify,fetch}/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: frameworks.map((name) => ({
            name,
            allowTypeImports: true,
            message: 'adapters use their framework for types only.',
          })),
          patterns: [
            { group: sdkPackages, message: 'adapters depend on @opentelemetry/api only.' },
          ],
        },
      ],
    },
  },
  {
    // the NestJS package builds on the Express and Fastify adapters; Nest itself is types only
    files: ['packages/nestjs/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [...frameworks, '@nestjs/common', '@nestjs/core'].map((name) => ({
            name,
            allowTypeImports: true,
            message: '@otelware/nestjs uses its frameworks for types only.',
          })),
          patterns: [
            { group: sdkPackages, message: '@otelware/nestjs depends on @opentelemetry/api only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
      },
    },
  },
  {
    files: ['platforms/**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // the packed-install check: Node.js scripts, and apps written as users write them
    files: ['install-check/**/*.{mjs,cjs,cts}'],
    languageOptions: {
      globals: { clearTimeout: 'readonly', require: 'readonly', module: 'writable' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
