// Compiled, not run: @otelware/fastify's plugin registered by hand on a Nest 12 Fastify app, typed
// against the fastify that @nestjs/platform-fastify depends on. While Nest pins the latest fastify
// (5.12.8 for Nest 12.5), npm installs one copy for both; nest11-ts is where two copies differ.
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { tracing } from '@otelware/fastify';

export async function registerByHand(app: NestFastifyApplication): Promise<void> {
  await app.register(tracing);
  await app.register(tracing, { captureHeaders: { request: ['x-request-id'] } });
}
