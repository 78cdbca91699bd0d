import { context, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import {
  listenOnLoopback,
  postInLaterPacket as postInLaterPacketTo,
  spanTree,
  useTestTracing,
} from '@otelware/test-support';
import type { NextFunction, Request, Response } from 'express';
import http from 'node:http';
import request from 'supertest';
import { tracing } from '../src';
import { expressMajors } from './frameworks';

const otel = useTestTracing();

/** POSTs `body` to `app` on a real socket, the body in a later packet than the headers. */
async function postInLaterPacket(
  app: http.RequestListener,
  path: string,
  body: string,
): Promise<string> {
  const running = await listenOnLoopback(http.createServer(app));
  try {
    return await postInLaterPacketTo(running.port, path, body);
  } finally {
    await running.close();
  }
}

describe.each(expressMajors)('the active span on Express $major', ({ express }) => {
  /** A sub-app with a JSON body parser whose POST /orders notes the active span's id and echoes the body. */
  function shopApp(tracingToo: boolean) {
    const shop = express();
    if (tracingToo) shop.use(tracing());
    shop.use(express.json());
    const seen = { active: undefined as string | undefined };
    shop.post('/orders', (req: Request, res: Response) => {
      seen.active = trace.getActiveSpan()?.spanContext().spanId;
      res.status(201).json(req.body);
    });
    return { shop, seen };
  }

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
    expect(JSON.parse(await postInLaterPacket(app, '/orders', '{"item":"tea"}'))).toEqual({
      item: 'tea',
    });
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

  it.each(['app.use', 'a router'])(
    'stays active after the body parser of a sub-app mounted with %s',
    async (mountedWith) => {
      const app = express();
      app.use(tracing());
      const { shop, seen } = shopApp(false);
      if (mountedWith === 'app.use') {
        app.use('/shop', shop);
      } else {
        const router = express.Router();
        router.use('/shop', shop);
        app.use(router);
      }
      expect(JSON.parse(await postInLaterPacket(app, '/shop/orders', '{"n":1}'))).toEqual({ n: 1 });
      const [span] = await otel.serverSpans();
      expect(seen.active).toBe(span?.spanContext().spanId);
    },
  );

  it('stays active after the body parser when only a mounted sub-app is traced', async () => {
    const app = express();
    const { shop, seen } = shopApp(true);
    app.use('/shop', shop);
    expect(JSON.parse(await postInLaterPacket(app, '/shop/orders', '{"n":2}'))).toEqual({ n: 2 });
    const [span] = await otel.serverSpans();
    expect(span?.name).toBe('POST /shop/orders');
    expect(seen.active).toBe(span?.spanContext().spanId);
  });

  it('adds no field to req: the binding lives on the request prototype of Express', async () => {
    const app = express();
    app.use(tracing());
    let ownEmit: boolean | undefined;
    app.get('/', (req: Request, res: Response) => {
      ownEmit = Object.prototype.hasOwnProperty.call(req, 'emit');
      res.send('ok');
    });
    await request(app).get('/').expect(200);
    expect(ownEmit).toBe(false);
  });

  it('keeps the server span active in request listeners that run after the span ended', async () => {
    const app = express();
    app.use(tracing());
    let afterEnd: Promise<string | undefined> | undefined;
    app.get('/', (req: Request, res: Response) => {
      afterEnd = new Promise((resolve) => {
        req.on('after-the-end', () => resolve(trace.getActiveSpan()?.spanContext().spanId));
        // emitted from outside the request's context, once the span has ended
        res.on('close', () =>
          setImmediate(() => context.with(ROOT_CONTEXT, () => req.emit('after-the-end'))),
        );
      });
      res.send('ok');
    });
    await request(app).get('/').expect(200);
    const [span] = await otel.serverSpans();
    expect(span?.ended).toBe(true);
    expect(await afterEnd).toBe(span?.spanContext().spanId);
  });

  it('leaves the request events of an untraced app untouched', async () => {
    const traced = express();
    traced.use(tracing());
    traced.post('/', (_req: Request, res: Response) => {
      res.send('traced');
    });
    await request(traced).post('/').send({}).expect(200, 'traced');
    const untraced = express();
    untraced.use(express.json());
    let active: unknown = 'not called';
    untraced.post('/', (req: Request, res: Response) => {
      active = trace.getActiveSpan();
      res.json(req.body);
    });
    expect(JSON.parse(await postInLaterPacket(untraced, '/', '{"n":3}'))).toEqual({ n: 3 });
    expect(active).toBeUndefined();
    expect(await otel.serverSpans()).toHaveLength(1);
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
