import { useTestTracing } from '@otelware/test-support';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { tracing, type TracingOptions } from '../src';
import { nestPlatforms } from './frameworks';
import { nestApp } from './nest-app';

const otel = useTestTracing();

describe.each(nestPlatforms)('options on Nest $major on $platform', ({ nest, platform }) => {
  let app: INestApplication | undefined;
  afterEach(() => app?.close());

  it('passes the options to the adapter', async () => {
    app = await nestApp(nest, platform, { options: { spanName: () => 'users lookup' } });
    await request(app.getHttpServer()).get('/api/users/7').expect(200);
    const [span] = await otel.serverSpans();
    expect(span?.name).toBe('users lookup');
  });

  it('rejects an unknown option with a TypeError', async () => {
    const options = { sampleRate: 0.5 } as unknown as TracingOptions;
    await expect(nestApp(nest, platform, { options })).rejects.toThrow(TypeError);
  });
});

describe('tracing(app)', () => {
  it('rejects what is not a Nest HTTP application with a TypeError', async () => {
    await expect(tracing({} as INestApplication)).rejects.toThrow(
      new TypeError('@otelware/nestjs: tracing() expects a Nest HTTP application.'),
    );
  });
});
