/**
 * The official OpenTelemetry auto-instrumentation, set up the documented way: loaded
 * with `--require` before the app, so require-in-the-middle patches `http` and the
 * framework as they load. instrumentation-http makes the SERVER span; the framework
 * instrumentation adds the route (and its own middleware spans, as it does by default).
 */
import { FastifyOtelInstrumentation } from '@fastify/otel';
import { registerInstrumentations, type Instrumentation } from '@opentelemetry/instrumentation';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { KoaInstrumentation } from '@opentelemetry/instrumentation-koa';
import { registerSdk } from './sdk';
import { serverVariantFromEnv } from './variant';

function frameworkInstrumentation(framework: string): Instrumentation {
  if (framework === 'express') return new ExpressInstrumentation();
  if (framework === 'koa') return new KoaInstrumentation();
  return new FastifyOtelInstrumentation({ registerOnInitialization: true });
}

const variant = serverVariantFromEnv();
const { provider } = registerSdk(variant.sampled);
registerInstrumentations({
  tracerProvider: provider,
  instrumentations: [new HttpInstrumentation(), frameworkInstrumentation(variant.framework)],
});
