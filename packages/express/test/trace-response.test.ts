import { traceparentOf, traceResponseSuite, useTestTracing } from '@otelware/test-support';
import type { NextFunction, Request, Response } from 'express';
import request from 'supertest';
import { tracing } from '../src';
import { expressMajors } from './frameworks';

const otel = useTestTracing();

describe.each(expressMajors)('the traceResponse option on Express $major', ({ express }) => {
  function app(options: Parameters<typeof tracing>[0]) {
    const created = express();
    created.use(tracing(options));
    created.get('/users/:id', (_req: Request, res: Response) => {
      res.json({ id: 1 });
    });
    created.get('/timed', (_req: Request, res: Response) => {
      res.set('Server-Timing', 'db;dur=53');
      res.send('timed');
    });
    created.get('/stream', (_req: Request, res: Response) => {
      res.write('one,');
      setTimeout(() => res.end('two'), 5);
    });
    created.get('/head-object', (_req: Request, res: Response) => {
      res.writeHead(200, { 'Server-Timing': 'cache;desc="hit"', 'content-type': 'text/plain' });
      res.end('own head');
    });
    created.get('/fails', () => {
      throw new Error('boom');
    });
    created.get('/fails-later', (_req: Request, _res: Response, next: NextFunction) => {
      setTimeout(() => next(new Error('late boom')), 5);
    });
    return created;
  }

  traceResponseSuite(otel, {
    serve: app,
    start: (options) => tracing(options as Parameters<typeof tracing>[0]),
  });

  it('sends it on the 500 for an error passed to next() later', async () => {
    const response = await request(app({ traceResponse: 'traceresponse' }))
      .get('/fails-later')
      .expect(500);
    const [span] = await otel.serverSpans();
    expect(response.headers['traceresponse']).toBe(traceparentOf(span));
  });

  it('appends the entry to a Server-Timing the app passes to writeHead', async () => {
    const response = await request(app({ traceResponse: 'server-timing' }))
      .get('/head-object')
      .expect(200, 'own head');
    const [span] = await otel.serverSpans();
    expect(response.headers['server-timing']).toBe(
      `cache;desc="hit", traceparent;desc="${traceparentOf(span)}"`,
    );
  });
});
