import { throwingHooksSuite, useTestTracing } from '@otelware/test-support';
import type { NextFunction, Request, Response } from 'express';
import { tracing } from '../src';
import { expressMajors } from './frameworks';

const otel = useTestTracing();

describe.each(expressMajors)('tracing never breaks an Express $major app', ({ express }) => {
  throwingHooksSuite(otel, {
    serve: (options) => {
      const app = express();
      if (options !== undefined) app.use(tracing(options));
      app.use(express.json());
      app.post('/items/:id', (req: Request, res: Response) => {
        res.status(201).set('x-item', String(req.params.id)).json({ got: req.body });
      });
      app.get('/fail', (_req: Request, _res: Response, next: NextFunction) => {
        next(new Error('app failure'));
      });
      app.use((err: Error, _req: Request, res: Response, _next: NextFunction) => {
        res.status(500).json({ error: err.message });
      });
      return { target: app };
    },
    spanNames: ['GET /fail', 'POST /items/:id'],
  });
});
