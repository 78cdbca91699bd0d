import { incomingContextSuite, useTestTracing } from '@otelware/test-support';
import type { Request, Response } from 'express';
import { tracing } from '../src';
import { expressMajors } from './frameworks';

const otel = useTestTracing();

describe.each(expressMajors)('incoming trace context on Express $major', ({ express }) => {
  incomingContextSuite(otel, (options, respond) => {
    const app = express();
    app.use(tracing(options));
    app.get('/', (_req: Request, res: Response) => {
      res.json(respond());
    });
    return app;
  });
});
