import { context, trace } from '@opentelemetry/api';
import { spanTree, useTestTracing } from '@otelware/test-support';
import type { NextFunction, Request, Response } from 'express';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { tracing } from '../src';
import { expressMajors } from './frameworks';

const otel = useTestTracing();

describe.each(expressMajors)('the active span on Express $major', ({ express }) => {
  it('is the server span in every later middleware and handler', async () => {
    const app = express();
    app.use(tracing());
    const seen: Array<string | undefined> = [];
    const record = () => seen.push(trace.getActiveSpan()?.spanContext().spanId);
    app.use((_req: Request, _res: Response, next: NextFunction) => {
      record();
      next();
    });
    const router = express.Router();
    router.get('/users/:id', (_req: Request, _res: Response, next: NextFunction) => {
      record();
      setTimeout(next, 1);
    });
    router.get('/users/:id', (_req: Request, res: Response) => {
      record();
      res.json({});
    });
    app.use('/api', router);
    await request(app).get('/api/users/1').expect(200);
    const [span] = await otel.serverSpans();
    expect(seen).toEqual([1, 2, 3].map(() => span?.spanContext().spanId));
  });

  it('stays active in request stream listeners for a body that arrives after the headers', async () => {
    const app = express();
    app.use(tracing());
    let active: string | undefined;
    app.post('/orders', (req: Request, res: Response) => {
      let text = '';
      req.on('data', (chunk: Buffer) => (text += chunk.toString()));
      req.on('end', () => {
        active = trace.getActiveSpan()?.spanContext().spanId;
        res.status(201).type('json').send(text);
      });
    });
    const server = app.listen(0);
    const { port } = server.address() as AddressInfo;
    try {
      const body = await new Promise<string>((resolve, reject) => {
        const outgoing = http.request(
          {
            port,
            method: 'POST',
            path: '/orders',
            headers: { 'content-type': 'application/json' },
          },
          (response) => {
            let text = '';
            response.on('data', (chunk: Buffer) => (text += chunk.toString()));
            response.on('end', () => resolve(text));
          },
        );
        outgoing.on('error', reject);
        outgoing.flushHeaders();
        // the body reaches the server in a later packet, outside the request's first tick
        setTimeout(() => outgoing.end('{"item":"tea"}'), 30);
      });
      expect(JSON.parse(body)).toEqual({ item: 'tea' });
    } finally {
      server.close();
    }
    const [span] = await otel.serverSpans();
    expect(active).toBe(span?.spanContext().spanId);
  });

  it('stays active in request stream listeners for a body that arrived with the headers', async () => {
    const app = express();
    app.use(tracing());
    let active: string | undefined;
    app.post('/notes', (req: Request, res: Response) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        active = trace.getActiveSpan()?.spanContext().spanId;
        res.status(201).type('text').send(Buffer.concat(chunks).toString());
      });
    });
    await request(app).post('/notes').type('text').send('short note').expect(201, 'short note');
    const [span] = await otel.serverSpans();
    expect(active).toBe(span?.spanContext().spanId);
  });

  it('makes spans started in a handler children of the server span, in the same trace', async () => {
    const app = express();
    app.use(tracing());
    app.get('/report', async (_req: Request, res: Response) => {
      const tracer = trace.getTracer('test');
      await tracer.startActiveSpan('load report', async (span) => {
        await new Promise((resolve) => setTimeout(resolve, 2));
        span.end();
      });
      res.send('done');
    });
    await request(app).get('/report').expect(200);
    const spans = await otel.spans(2);
    expect(spanTree(spans)).toEqual(['GET /report <- (root)', 'load report <- GET /report']);
    expect(new Set(spans.map((span) => span.spanContext().traceId)).size).toBe(1);
  });

  it('leaves no span active once the request is over', async () => {
    const app = express();
    app.use(tracing());
    app.get('/', (_req: Request, res: Response) => {
      res.send('ok');
    });
    await request(app).get('/').expect(200);
    expect(trace.getSpan(context.active())).toBeUndefined();
  });
});
