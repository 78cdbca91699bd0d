import { MEMORY_BUDGET, memorySuite, useTestTracing } from '@otelware/test-support';
import type { IncomingMessage } from 'node:http';
import request from 'supertest';
import { tracing } from '../../src';
import { contextOfRequest } from '../../src/request-slot';
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
    let seen: IncomingMessage | undefined;
    let keptDuring = false;
    app.use((ctx) => {
      seen = ctx.req;
      keptDuring = contextOfRequest.get(ctx.req) === ctx;
      ctx.body = 'ok';
    });
    await request(app.callback()).get('/items/1').expect(200);
    await otel.serverSpans();
    expect(keptDuring).toBe(true);
    expect(contextOfRequest.get(seen)).toBeUndefined();
  });
});
