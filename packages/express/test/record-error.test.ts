import { SpanStatusCode } from '@opentelemetry/api';
import { ATTR_ERROR_TYPE } from '@opentelemetry/semantic-conventions';
import { useTestTracing } from '@otelware/test-support';
import type { Request, Response } from 'express';
import request from 'supertest';
import { recordError, tracing } from '../src';
import { expressMajors } from './frameworks';

const otel = useTestTracing();

class UpstreamTimeoutError extends Error {}

describe.each(expressMajors)('recordError on Express $major', ({ express }) => {
  it('records an error the app answered itself with a 5xx', async () => {
    const app = express();
    app.use(tracing());
    app.get('/report', (req: Request, res: Response) => {
      recordError(req, new UpstreamTimeoutError('upstream timed out'));
      res.status(503).json({ retry: true });
    });
    await request(app).get('/report').expect(503, { retry: true });
    const [span] = await otel.serverSpans();
    expect(span?.status).toEqual({ code: SpanStatusCode.ERROR, message: 'upstream timed out' });
    expect(span?.attributes[ATTR_ERROR_TYPE]).toBe('UpstreamTimeoutError');
    expect(span?.events.map((event) => event.name)).toEqual(['exception']);
  });

  it('does nothing for a request tracing() does not trace', async () => {
    const app = express();
    app.use(tracing({ ignore: () => true }));
    app.get('/report', (req: Request, res: Response) => {
      recordError(req, new UpstreamTimeoutError('upstream timed out'));
      res.status(503).end();
    });
    await request(app).get('/report').expect(503);
    expect(await otel.spans()).toEqual([]);
  });
});
