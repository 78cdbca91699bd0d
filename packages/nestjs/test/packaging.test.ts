import path from 'node:path';
import { SpanStatusCode } from '@opentelemetry/api';
import { packagingSuite, useTestTracing } from '@otelware/test-support';
import request from 'supertest';
import * as source from '../src';
import { nestPlatforms } from './frameworks';

const otel = useTestTracing();
const packageDir = path.resolve(__dirname, '..');
const dist = path.join(packageDir, 'dist');

describe('the built @otelware/nestjs package', () => {
  packagingSuite(packageDir, {
    peers: { '@nestjs/common': '^10.0.0 || ^11.0.0 || ^12.0.0', rxjs: '^7.2.0' },
    dependencies: ['@otelware/core', '@otelware/express', '@otelware/fastify'],
  });

  it.each(nestPlatforms)(
    'traces a Nest $major app on $platform when loaded with require()',
    async ({ nest, platform }) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const built = require(path.join(dist, 'index.cjs')) as typeof source;
      const adapter =
        platform === 'express'
          ? new nest.platformExpress.ExpressAdapter()
          : new nest.platformFastify.FastifyAdapter();
      const { Controller, Get, Module } = nest.common;

      @Controller('boom')
      class BoomController {
        @Get()
        boom(): never {
          throw new RangeError('out of range');
        }
      }
      @Module({ controllers: [BoomController] })
      class BoomModule {}

      const app = await nest.core.NestFactory.create(BoomModule, adapter, { logger: false });
      await built.tracing(app);
      await app.init();
      if (platform === 'fastify') await app.getHttpAdapter().getInstance().ready();
      await request(app.getHttpServer()).get('/boom').expect(500);
      await app.close();
      const [span] = await otel.serverSpans();
      expect(span?.name).toBe('GET /boom');
      expect(span?.status).toEqual({ code: SpanStatusCode.ERROR, message: 'out of range' });
    },
  );
});
