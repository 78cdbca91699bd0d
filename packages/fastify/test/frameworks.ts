import fastify5 from 'fastify';
import fastify4 from 'fastify4';

/**
 * Both supported majors, for `describe.each`: every behaviour is tested on each.
 * Fastify 4 is installed under the alias `fastify4` and ships its own types, which
 * this workspace's v5-typed plugin does not match (a v4 app resolves `fastify` to
 * v4's types, as packaging.test.ts checks), so the tests drive it through v5's types.
 */
export const fastifyMajors = [
  { major: 5, fastify: fastify5 },
  { major: 4, fastify: fastify4 as unknown as typeof fastify5 },
] as const;
