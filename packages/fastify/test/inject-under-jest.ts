import path from 'node:path';

/**
 * Lets Fastify 5's `app.inject()` load under Jest. light-my-request 6 requires the
 * ESM-only `cookie@2`, which Jest's CommonJS module registry cannot load on Node 20
 * (plain Node can: this is a test-runner limit only, not one of the plugin). The
 * one function it takes from there, used only for an inject's `cookies` option, is
 * replaced by a minimal equivalent before light-my-request is first required.
 * Call it once at the top of a test file that uses `inject()`.
 */
export function allowInjectUnderJest(): void {
  const fastifyDir = path.dirname(require.resolve('fastify/package.json'));
  const lightMyRequest = require.resolve('light-my-request', { paths: [fastifyDir] });
  const cookie = require.resolve('cookie', { paths: [path.dirname(lightMyRequest)] });
  jest.doMock(cookie, () => ({
    stringifySetCookie: ({ name, value }: { name: string; value: string }) =>
      `${name}=${encodeURIComponent(value)}`,
  }));
}
