import { trace } from '@opentelemetry/api';
import type { Request, Response } from 'express';
import request from 'supertest';
import { tracing } from '../src';
import { expressMajors } from './frameworks';

// No SDK is registered in this file: @opentelemetry/api alone is a no-op.

describe.each(expressMajors)(
  'Express $major with no OpenTelemetry SDK registered',
  ({ express }) => {
    it('answers as usual, adds no listener and activates no span', async () => {
      const traced = express();
      traced.use(tracing());
      const bare = express();
      for (const app of [traced, bare]) {
        app.get('/users/:id', (req: Request, res: Response) => {
          res.json({
            id: req.params.id,
            active: trace.getActiveSpan() !== undefined,
            closeListeners: res.listenerCount('close'),
          });
        });
      }
      const fromTraced = await request(traced).get('/users/3').expect(200);
      const fromBare = await request(bare).get('/users/3').expect(200);
      expect(fromTraced.body).toEqual(fromBare.body);
      expect(fromTraced.body.active).toBe(false);
    });

    it('sends no traceresponse header with traceResponse on: there is no span', async () => {
      const traced = express();
      traced.use(tracing({ traceResponse: 'traceresponse' }));
      traced.get('/users/:id', (_req: Request, res: Response) => {
        res.send('up');
      });
      const response = await request(traced)
        .get('/users/3')
        .set('traceparent', '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01')
        .expect(200, 'up');
      expect(response.headers['traceresponse']).toBeUndefined();
    });
  },
);
