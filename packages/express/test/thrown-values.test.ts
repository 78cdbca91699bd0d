import { THROWN_VALUES, thrownValuesSuite, useTestTracing } from '@otelware/test-support';
import request from 'supertest';
import { tracing } from '../src';
import { expressMajors } from './frameworks';

const otel = useTestTracing();

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

    thrownValuesSuite(CARRIED, spanOf);
  },
);
