import { optionsSuite, useTestTracing } from '@otelware/test-support';
import type { Request, Response } from 'express';
import { tracing } from '../src';
import { expressMajors } from './frameworks';

const otel = useTestTracing();

describe.each(expressMajors)('options on Express $major', ({ express }) => {
  optionsSuite(otel, {
    serve(options, health) {
      const app = express();
      app.use(tracing(options));
      app.get('/health', (_req: Request, res: Response) => {
        res.json(health());
      });
      app.get('/users/:id', (_req: Request, res: Response) => {
        res.json({});
      });
      return app;
    },
    start: (options) => tracing(options as Parameters<typeof tracing>[0]),
  });
});
