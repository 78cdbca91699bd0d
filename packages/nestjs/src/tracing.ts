import type { INestApplication } from '@nestjs/common';
import { recordError as recordExpressError, tracing as expressTracing } from '@otelware/express';
import { recordError as recordFastifyError, tracing as fastifyTracing } from '@otelware/fastify';
import { RecordExceptions } from './record-exceptions';
import type { TracingOptions } from '@otelware/core';

/** The part of Nest's HTTP adapter read here. */
interface HttpAdapter {
  getType(): string;
  getInstance(): { register(plugin: unknown, options?: unknown): PromiseLike<unknown> };
}

function httpAdapterOf(app: INestApplication): HttpAdapter {
  const adapter: unknown =
    typeof app?.getHttpAdapter === 'function' ? app.getHttpAdapter() : undefined;
  if (typeof (adapter as Partial<HttpAdapter> | undefined)?.getType !== 'function') {
    throw new TypeError('@otelware/nestjs: tracing() expects a Nest HTTP application.');
  }
  return adapter as HttpAdapter;
}

/**
 * Traces every request of a NestJS 10, 11 or 12 app on `@nestjs/platform-express` or
 * `@nestjs/platform-fastify`: the SERVER span comes from `@otelware/express` or
 * `@otelware/fastify` (so it is the same span as in a plain Express or Fastify
 * app, global prefix included), and a global interceptor records the exceptions
 * Nest's exception layer answers. Call it right after `NestFactory.create()`,
 * before anything else is added to the app and before `listen()`/`init()`.
 * Options are checked here: a bad one rejects with a `TypeError`.
 *
 * @example
 * import { NestFactory } from '@nestjs/core';
 * import { tracing } from '@otelware/nestjs';
 * import { AppModule } from './app.module';
 *
 * const app = await NestFactory.create(AppModule);
 * await tracing(app);
 * app.setGlobalPrefix('api');
 * await app.listen(3000); // GET /api/users/7 → span "GET /api/users/:id"
 */
export async function tracing(app: INestApplication, options?: TracingOptions): Promise<void> {
  const adapter = httpAdapterOf(app);
  const type = adapter.getType();
  if (type === 'express') {
    app.use(expressTracing(options));
    app.useGlobalInterceptors(new RecordExceptions(recordExpressError));
  } else if (type === 'fastify') {
    await adapter.getInstance().register(fastifyTracing, options);
    app.useGlobalInterceptors(new RecordExceptions(recordFastifyError));
  } else {
    throw new TypeError(
      `@otelware/nestjs: tracing() supports Nest's express and fastify platforms, not ${JSON.stringify(type)}.`,
    );
  }
}
