import { durationMetricsSuite, useTestTracing } from '@otelware/test-support';
import type { Request, Response } from 'express';
import { tracing } from '../src';
import { expressMajors } from './frameworks';

const otel = useTestTracing();

describe.each(expressMajors)('http.server.request.duration on Express $major', ({ express }) => {
  durationMetricsSuite(otel, {
    serve(options) {
      const app = express();
      app.use(tracing(options));
      app.get('/search/:kind', (_req: Request, res: Response) => {
        res.json([]);
      });
      app.get('/boom', () => {
        throw new TypeError('broken');
      });
      // the default error handler would print the stack: answer the same 500 quietly
      app.use((_error: unknown, _req: Request, res: Response, _next: () => void) => {
        res.status(500).send('broken');
      });
      return app;
    },
  });
});
