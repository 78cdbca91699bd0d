import request from 'supertest';
import { nestPlatforms } from './frameworks';
import { nestApp } from './nest-app';

// No SDK is registered in this file: @opentelemetry/api alone is a no-op.

describe.each(nestPlatforms)(
  'Nest $major on $platform with no OpenTelemetry SDK registered',
  ({ nest, platform }) => {
    it.each(['/api/users/7', '/api/users/7/pay', '/api/users/7/missing'])(
      'answers %s as the untraced app does',
      async (path) => {
        const traced = await nestApp(nest, platform);
        const bare = await nestApp(nest, platform, { traced: false });
        const fromTraced = await request(traced.getHttpServer()).get(path);
        const fromBare = await request(bare.getHttpServer()).get(path);
        await Promise.all([traced.close(), bare.close()]);
        expect([fromTraced.status, fromTraced.body]).toEqual([fromBare.status, fromBare.body]);
      },
    );
  },
);
