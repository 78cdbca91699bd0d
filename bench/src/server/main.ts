/**
 * One benchmark server: the framework's app in the variant given by the environment
 * (`BENCH_FRAMEWORK`, `BENCH_VARIANT`), on a loopback port it reports over IPC.
 */
import { startExpress } from './apps/express';
import { startFastify } from './apps/fastify';
import { startKoa } from './apps/koa';
import { registerSdk } from './sdk';
import { answerRunner } from './span-channel';
import { serverVariantFromEnv } from './variant';

const START = { express: startExpress, koa: startKoa, fastify: startFastify };

async function main(): Promise<void> {
  const variant = serverVariantFromEnv();
  if (variant.registersSdk) registerSdk(variant.sampled);
  answerRunner();
  const port = await START[variant.framework](variant.tracing);
  process.send?.({ type: 'ready', port });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
