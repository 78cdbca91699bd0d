import { MEMORY_BUDGET, memorySuite, useTestTracing } from '@otelware/test-support';
import type { Request, Response } from 'express';
import request from 'supertest';
import { tracing } from '../../src';
import { traceOf } from '@otelware/core/adapter';
import { expressMajors } from '../frameworks';
import { expressSubjects } from './subjects';

const otel = useTestTracing();

// the current major: otelware's per-request code is the same for the older one
const [current] = expressSubjects;

describe(`memory on ${current?.name}`, () => {
  memorySuite(current!, MEMORY_BUDGET);
});

describe.each(expressMajors)('per-request state on Express $major', ({ express }) => {
  it('is released when the span ends: the side-table entry then holds only the context, which does not lead back to req', async () => {
    const app = express();
    app.use(tracing());
    let seen: Request | undefined;
    let keptDuring = false;
    app.get('/items/:id', (req: Request, res: Response) => {
      seen = req;
      keptDuring = traceOf(req) !== undefined;
      res.send('ok');
    });
    await request(app).get('/items/1').expect(200);
    await otel.serverSpans();
    expect(keptDuring).toBe(true);
    expect(traceOf(seen)).toBeUndefined();
  });
});
