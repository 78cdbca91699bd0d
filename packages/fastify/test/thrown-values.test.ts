import { SpanStatusCode } from '@opentelemetry/api';
import { ATTR_ERROR_TYPE } from '@opentelemetry/semantic-conventions';
import { THROWN_VALUES, useDiagMessages, useTestTracing } from '@otelware/test-support';
import request from 'supertest';
import { tracing } from '../src';
import { fastifyMajors } from './frameworks';

const otel = useTestTracing();
const diagMessages = useDiagMessages();

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

    it.each(THROWN_VALUES)(
      'records $label as ERROR, its error.type and one exception event',
      async ({ value, event, errorType }) => {
        const span = await spanOf(value);
        expect(span.status.code).toBe(SpanStatusCode.ERROR);
        expect(span.attributes[ATTR_ERROR_TYPE]).toBe(errorType);
        const events = span.events.filter(({ name }) => name === 'exception');
        expect(events.map(({ attributes }) => attributes)).toEqual([event]);
      },
    );

    it.each(THROWN_VALUES)('records $label without a diag warning', async ({ value }) => {
      await spanOf(value);
      expect(diagMessages).toEqual([]);
    });
  },
);
