import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SpanStatusCode } from '@opentelemetry/api';
import { useTestTracing } from '@otelware/test-support';
import request from 'supertest';
import * as source from '../src';
import { nestPlatforms } from './frameworks';

const otel = useTestTracing();
const packageDir = path.resolve(__dirname, '..');
const dist = path.join(packageDir, 'dist');

beforeAll(() => {
  if (!existsSync(path.join(dist, 'index.js'))) {
    throw new Error('packages/nestjs/dist is missing: run `pnpm build` first (`pnpm test` does)');
  }
});

describe('the built @otelware/nestjs package', () => {
  it('declares ESM and CommonJS entry points with types in its exports map', () => {
    const manifest = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
    const { import: esm, require: cjs } = manifest.exports['.'];
    for (const file of [esm.types, esm.default, cjs.types, cjs.default]) {
      expect(existsSync(path.join(packageDir, file))).toBe(true);
    }
    expect(manifest.sideEffects).toBe(false);
    expect(manifest.peerDependencies['@opentelemetry/api']).toBe('^1.9.0');
    expect(Object.keys(manifest.dependencies)).toEqual([
      '@otelware/core',
      '@otelware/express',
      '@otelware/fastify',
    ]);
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
