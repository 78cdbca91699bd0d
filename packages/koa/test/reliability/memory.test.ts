import { MEMORY_BUDGET, memorySuite, useTestTracing } from '@otelware/test-support';
import request from 'supertest';
import { tracing } from '../../src';
import { traceOf } from '@otelware/core/adapter';
import { koaMajors } from '../frameworks';
import { koaSubjects } from './subjects';

const otel = useTestTracing();

// the current major: otelware's per-request code is the same for the older one
const [current] = koaSubjects;

describe(`memory on ${current?.name}`, () => {
  memorySuite(current!, MEMORY_BUDGET);
});

describe.each(koaMajors)('per-request state on Koa $major', ({ Koa }) => {
  it('keeps nothing by ctx: the middleware holds the trace, so no side-table entry is made or left', async () => {
    const app = new Koa();
    app.use(tracing());
    let seen: object | undefined;
    let keptDuring = false;
    app.use((ctx) => {
      seen = ctx;
      keptDuring = traceOf(ctx) !== undefined;
      ctx.body = 'ok';
    });
    await request(app.callback()).get('/items/1').expect(200);
    const spans = await otel.serverSpans();
    expect(spans).toHaveLength(1);
    expect(keptDuring).toBe(false);
    expect(traceOf(seen)).toBeUndefined();
  });
});
