import Router from '@koa/router';
import { SpanStatusCode } from '@opentelemetry/api';
import { ATTR_ERROR_TYPE } from '@opentelemetry/semantic-conventions';
import { THROWN_VALUES, useDiagMessages, useTestTracing } from '@otelware/test-support';
import request from 'supertest';
import { tracing } from '../src';
import { koaMajors } from './frameworks';

const otel = useTestTracing();
const diagMessages = useDiagMessages();

// Koa's ctx.onerror ignores a thrown null or undefined (`if (null == err) return`): no answer comes.
const CARRIED = THROWN_VALUES.filter(({ value }) => value != null);

describe.each(koaMajors)('thrown values that are not Errors on Koa $major', ({ Koa }) => {
  function appThrowing(value: unknown, traced: boolean) {
    const app = new Koa();
    app.silent = true;
    if (traced) app.use(tracing());
    const router = new Router();
    router.get('/fail', () => {
      throw value;
    });
    app.use(router.routes());
    return app;
  }

  async function spanOf(value: unknown) {
    const bare = await request(appThrowing(value, false).callback()).get('/fail');
    const traced = await request(appThrowing(value, true).callback()).get('/fail');
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
});
