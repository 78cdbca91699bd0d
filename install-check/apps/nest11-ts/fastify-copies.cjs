'use strict';
// src/register.ts type-checks @otelware/fastify's plugin against the fastify copy Nest pins; that
// only proves something while npm installs two copies: the one @otelware/fastify's peer resolves
// to and the exact version @nestjs/platform-fastify depends on. Fails when they are one.
const { createRequire } = require('node:module');

function fastifyFrom(pkg) {
  const from = createRequire(require.resolve(`${pkg}/package.json`));
  const file = from.resolve('fastify/package.json');
  return { file, version: from(file).version };
}

const ours = fastifyFrom('@otelware/fastify');
const nest = fastifyFrom('@nestjs/platform-fastify');
if (ours.file === nest.file) {
  console.error(
    `One fastify copy (${ours.version}, ${ours.file}) serves both @otelware/fastify and ` +
      '@nestjs/platform-fastify: src/register.ts no longer tests two copies. Make them differ ' +
      "again (e.g. pin this app's own fastify to another 5.x) so the check keeps its meaning.",
  );
  process.exit(1);
}
console.log(`fastify ${ours.version} (our peer) and ${nest.version} (Nest's pin)`);
