import { attributesSuite, useTestTracing } from '@otelware/test-support';
import type { Request, Response } from 'express';
import { tracing } from '../src';
import { expressMajors } from './frameworks';

const otel = useTestTracing();

describe.each(expressMajors)('attributes on Express $major', ({ express }) => {
  attributesSuite(otel, {
    scope: '@otelware/express',
    unknownMethodStatus: 405,
    serve(options) {
      const app = express();
      app.use(tracing(options));
      app.get('/search/:kind', (_req: Request, res: Response) => {
        res.json([]);
      });
      app.get('/', (_req: Request, res: Response) => {
        res.send('ok');
      });
      app.use((_req: Request, res: Response) => {
        res.status(405).send('no');
      });
      return app;
    },
  });
});
