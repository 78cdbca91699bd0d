import { traceparentOf, useTestTracing } from '@otelware/test-support';
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

  it('sends no traceresponse or Server-Timing header by default', async () => {
    const response = await request(app({})).get('/users/1').expect(200);
    expect(response.headers['traceresponse']).toBeUndefined();
    expect(response.headers['server-timing']).toBeUndefined();
  });

  it("sends the SERVER span's context in traceresponse", async () => {
    const response = await request(app({ traceResponse: 'traceresponse' }))
      .get('/users/1')
      .expect(200, { id: 1 });
    const [span] = await otel.serverSpans();
    expect(response.headers['traceresponse']).toBe(traceparentOf(span));
    expect(response.headers['server-timing']).toBeUndefined();
  });

  it('sends it on a streamed response', async () => {
    const response = await request(app({ traceResponse: 'traceresponse' }))
      .get('/stream')
      .expect(200, 'one,two');
    const [span] = await otel.serverSpans();
    expect(response.headers['traceresponse']).toBe(traceparentOf(span));
  });

  it('sends it on the 500 Express answers for a thrown error', async () => {
    const response = await request(app({ traceResponse: 'traceresponse' }))
      .get('/fails')
      .expect(500);
    const [span] = await otel.serverSpans();
    expect(response.headers['traceresponse']).toBe(traceparentOf(span));
  });

  it('sends it on the 500 for an error passed to next() later', async () => {
    const response = await request(app({ traceResponse: 'traceresponse' }))
      .get('/fails-later')
      .expect(500);
    const [span] = await otel.serverSpans();
    expect(response.headers['traceresponse']).toBe(traceparentOf(span));
  });

  it('sends it on a 404', async () => {
    const response = await request(app({ traceResponse: 'traceresponse' }))
      .get('/missing')
      .expect(404);
    const [span] = await otel.serverSpans();
    expect(response.headers['traceresponse']).toBe(traceparentOf(span));
  });

  it('sends, for an unsampled request, its own span id with the sampled flag unset', async () => {
    const callerSpanId = 'b7ad6b7169203331';
    const response = await request(app({ traceResponse: 'traceresponse' }))
      .get('/users/1')
      .set('traceparent', `00-0af7651916cd43dd8448eb211c80319c-${callerSpanId}-00`)
      .expect(200);
    expect(response.headers['traceresponse']).toMatch(
      /^00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-00$/,
    );
    expect(response.headers['traceresponse']).not.toContain(callerSpanId);
    expect(await otel.spans(0)).toEqual([]);
  });

  it('sends nothing for a request the ignore option skips', async () => {
    const response = await request(
      app({ traceResponse: 'traceresponse', ignore: (req) => req.url === '/users/1' }),
    )
      .get('/users/1')
      .expect(200);
    expect(response.headers['traceresponse']).toBeUndefined();
  });

  it("writes the context as a Server-Timing traceparent entry with 'server-timing'", async () => {
    const response = await request(app({ traceResponse: 'server-timing' }))
      .get('/users/1')
      .expect(200);
    const [span] = await otel.serverSpans();
    expect(response.headers['server-timing']).toBe(`traceparent;desc="${traceparentOf(span)}"`);
    expect(response.headers['traceresponse']).toBeUndefined();
  });

  it("appends the entry to the app's own Server-Timing header", async () => {
    const response = await request(app({ traceResponse: 'server-timing' }))
      .get('/timed')
      .expect(200, 'timed');
    const [span] = await otel.serverSpans();
    expect(response.headers['server-timing']).toBe(
      `db;dur=53, traceparent;desc="${traceparentOf(span)}"`,
    );
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

  it('throws a TypeError at startup for a bad traceResponse value', () => {
    expect(() => tracing({ traceResponse: true as never })).toThrow(TypeError);
    expect(() => tracing({ traceResponse: 'Traceresponse' as never })).toThrow(/"traceResponse"/);
  });
});
