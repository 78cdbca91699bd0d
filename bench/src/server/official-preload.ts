/**
 * The official OpenTelemetry auto-instrumentation, set up the documented way: loaded
 * with `--require` before the app, so require-in-the-middle patches `http` and the
 * framework as they load. instrumentation-http makes the SERVER span; the framework
 * instrumentation adds the route (and its own middleware spans, as it does by default).
 * The instrumentations are the SDK line's (`@fastify/otel` has one release for both).
 */
import { FastifyOtelInstrumentation } from '@fastify/otel';
import type * as InstrumentationApi from '@opentelemetry/instrumentation';
import type { Instrumentation } from '@opentelemetry/instrumentation';
import type * as Express from '@opentelemetry/instrumentation-express';
import type * as Http from '@opentelemetry/instrumentation-http';
import type * as Koa from '@opentelemetry/instrumentation-koa';
import { sdkRequire } from '../sdk-require';
import { registerSdk } from './sdk';
import { serverVariantFromEnv } from './variant';

const sdk = sdkRequire();
const { registerInstrumentations } = sdk(
  '@opentelemetry/instrumentation',
) as typeof InstrumentationApi;
const { HttpInstrumentation } = sdk('@opentelemetry/instrumentation-http') as typeof Http;

function frameworkInstrumentation(framework: string): Instrumentation {
  if (framework === 'express') {
    const { ExpressInstrumentation } = sdk(
      '@opentelemetry/instrumentation-express',
    ) as typeof Express;
    return new ExpressInstrumentation();
  }
  if (framework === 'koa') {
    const { KoaInstrumentation } = sdk('@opentelemetry/instrumentation-koa') as typeof Koa;
    return new KoaInstrumentation();
  }
  return new FastifyOtelInstrumentation({ registerOnInitialization: true });
}

const variant = serverVariantFromEnv();
const { provider } = registerSdk(variant.sampled);
registerInstrumentations({
  tracerProvider: provider,
  instrumentations: [new HttpInstrumentation(), frameworkInstrumentation(variant.framework)],
});
