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
  it('is released when the span ends: a WeakMap entry left until GC would carry the request into the old generation', async () => {
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
    await otel.serverSpans();
    expect(keptDuring).toBe(true);
    expect(traceOf(seen)).toBeUndefined();
  });
});
