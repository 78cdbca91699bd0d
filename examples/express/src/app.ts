import { trace } from '@opentelemetry/api';
import { tracing } from '@otelware/express';
import express, { type NextFunction, type Request, type Response } from 'express';

const tracer = trace.getTracer('example-express');

/** A small shop API: nested routers, a parameterised route, a failing route. */
export function createApp(): express.Express {
  const app = express();
  app.use(tracing()); // the one line: every request gets a SERVER span
  app.use(express.json());

  const users = express.Router();
  users.get('/:id', async (req: Request, res: Response) => {
    // a span of our own: a child of the request's span, no plumbing needed
    const user = await tracer.startActiveSpan('load user', async (span) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      span.end();
      return { id: req.params.id, name: 'Ada' };
    });
    res.json(user);
  });

  const api = express.Router();
  api.use('/users', users);
  api.post('/orders', (req: Request, res: Response) => {
    res.status(201).json({ ordered: req.body });
  });
  api.get('/fail', () => {
    throw new Error('the database is on fire');
  });
  app.use('/api', api);

  app.use((err: Error, _req: Request, res: Response, _next: NextFunction) => {
    res.status(500).json({ error: err.message });
  });
  return app;
}
