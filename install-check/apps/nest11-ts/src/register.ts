// Compiled, not run: @otelware/fastify's plugin registered by hand on a Nest Fastify app. npm
// puts the fastify that @otelware/fastify's peer resolves to beside the exact version
// @nestjs/platform-fastify pins (fastify-copies.cjs checks there are two), and the plugin must
// type-check against Nest's copy of `register` all the same.
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { tracing } from '@otelware/fastify';

export async function registerByHand(app: NestFastifyApplication): Promise<void> {
  await app.register(tracing);
  await app.register(tracing, { captureHeaders: { request: ['x-request-id'] } });
}
