import { THROWN_VALUES, thrownValuesSuite, useTestTracing } from '@otelware/test-support';
import request from 'supertest';
import { tracing } from '../src';
import { fastifyMajors } from './frameworks';

const otel = useTestTracing();

describe.each(fastifyMajors)(
  'thrown values that are not Errors on Fastify $major',
  ({ fastify }) => {
    async function appThrowing(value: unknown, traced: boolean) {
      const app = fastify();
      if (traced) await app.register(tracing);
      app.get('/fail', async () => {
        throw value;
      });
      await app.ready();
      return app;
    }

    async function spanOf(value: unknown) {
      const bare = await appThrowing(value, false);
      const traced = await appThrowing(value, true);
      const fromBare = await request(bare.server).get('/fail');
      const fromTraced = await request(traced.server).get('/fail');
      expect([fromTraced.status, fromTraced.text]).toEqual([fromBare.status, fromBare.text]);
      const [span] = await otel.serverSpans();
      await Promise.all([bare.close(), traced.close()]);
      return span!;
    }

    thrownValuesSuite(THROWN_VALUES, spanOf);
  },
);
