import Router from '@koa/router';
import { THROWN_VALUES, thrownValuesSuite, useTestTracing } from '@otelware/test-support';
import request from 'supertest';
import { tracing } from '../src';
import { koaMajors } from './frameworks';

const otel = useTestTracing();

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

  thrownValuesSuite(CARRIED, spanOf);
});
