import { MEMORY_BUDGET, memorySuite, useTestTracing } from '@otelware/test-support';
import type { FastifyRequest } from 'fastify';
import request from 'supertest';
import { tracing } from '../../src';
import { traceOf } from '@otelware/core/adapter';
import { fastifyMajors } from '../frameworks';
import { fastifySubjects } from './subjects';

const otel = useTestTracing();

// the current major: otelware's per-request code is the same for the older one
const [current] = fastifySubjects;

describe(`memory on ${current?.name}`, () => {
  memorySuite(current!, MEMORY_BUDGET);
});

describe.each(fastifyMajors)('per-request state on Fastify $major', ({ fastify }) => {
  it('is released when the span ends: the request decorator holds the trace only while its span is open', async () => {
    const app = fastify();
    await app.register(tracing);
    let seen: FastifyRequest | undefined;
    let keptDuring = false;
    app.get('/items/:id', (req) => {
      seen = req;
      keptDuring = traceOf(req) !== undefined;
      return 'ok';
    });
    await app.ready();
    try {
      await request(app.server).get('/items/1').expect(200);
      await otel.serverSpans();
    } finally {
      await app.close();
    }
    expect(keptDuring).toBe(true);
    expect(traceOf(seen)).toBeUndefined();
  });
});
