import { SpanStatusCode } from '@opentelemetry/api';
import { ATTR_ERROR_TYPE } from '@opentelemetry/semantic-conventions';
import { THROWN_VALUES, useDiagMessages, useTestTracing } from '@otelware/test-support';
import request from 'supertest';
import { tracing } from '../src';
import { expressMajors } from './frameworks';

const otel = useTestTracing();
const diagMessages = useDiagMessages();

// Express treats a falsy value passed to next() (so also a thrown '', null, undefined) as no error.
const CARRIED = THROWN_VALUES.filter(({ value }) => Boolean(value));

describe.each(expressMajors)(
  'thrown values that are not Errors on Express $major',
  ({ express }) => {
    function appThrowing(value: unknown, traced: boolean) {
      const app = express();
      app.set('env', 'test');
      if (traced) app.use(tracing());
      app.get('/fail', () => {
        throw value;
      });
      return app;
    }

    async function spanOf(value: unknown) {
      const bare = await request(appThrowing(value, false)).get('/fail');
      const traced = await request(appThrowing(value, true)).get('/fail');
      expect([traced.status, traced.text]).toEqual([bare.status, bare.text]);
      const [span] = await otel.serverSpans();
      return span!;
    }

    it.each(CARRIED)(
      'records $label as ERROR, its error.type and one exception event',
      async ({ value, event, errorType }) => {
        const span = await spanOf(value);
        expect(span.status.code).toBe(SpanStatusCode.ERROR);
        expect(span.attributes[ATTR_ERROR_TYPE]).toBe(errorType);
        const events = span.events.filter(({ name }) => name === 'exception');
        expect(events.map(({ attributes }) => attributes)).toEqual([event]);
      },
    );

    it.each(CARRIED)('records $label without a diag warning', async ({ value }) => {
      await spanOf(value);
      expect(diagMessages).toEqual([]);
    });
  },
);
