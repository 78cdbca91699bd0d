/**
 * One benchmark server: the framework's app in the variant given by the environment
 * (`BENCH_FRAMEWORK`, `BENCH_VARIANT`), on a loopback port it reports over IPC.
 */
import { context } from '@opentelemetry/api';
import { startExpress } from './apps/express';
import { startFastify } from './apps/fastify';
import { startKoa } from './apps/koa';
import { registerSdk, startSdk } from './sdk';
import { answerRunner } from './span-channel';
import { serverVariantFromEnv } from './variant';

const START = { express: startExpress, koa: startKoa, fastify: startFastify };

async function main(): Promise<void> {
  const variant = serverVariantFromEnv();
  if (variant.sdkSetUp === 'documented') registerSdk(variant.sampled);
  if (variant.sdkSetUp === 'start') await startSdk();
  // In an app, something makes a span active sooner or later, and from then on the SDK's
  // context manager (AsyncLocalStorage) carries a context along: on Node.js 20 (and 22
  // by default) through a hook for every async resource and promise, from 24 on in
  // AsyncContextFrame, without hooks. The control pays that too, once, and then nothing
  // per request.
  if (variant.name === 'sdk-only') context.with(context.active(), () => undefined);
  answerRunner();
  const port = await START[variant.framework](variant.tracing);
  process.send?.({ type: 'ready', port });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
