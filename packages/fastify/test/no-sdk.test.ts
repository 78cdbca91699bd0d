import { trace } from '@opentelemetry/api';
import request from 'supertest';
import { tracing } from '../src';
import { fastifyMajors } from './frameworks';

// No SDK is registered in this file: @opentelemetry/api alone is a no-op.

describe.each(fastifyMajors)(
  'Fastify $major with no OpenTelemetry SDK registered',
  ({ fastify }) => {
    it('answers as usual, adds no listener and activates no span', async () => {
      const traced = fastify();
      await traced.register(tracing);
      const bare = fastify();
      for (const app of [traced, bare]) {
        app.get('/users/:id', async (req, reply) => ({
          id: (req.params as { id: string }).id,
          active: trace.getActiveSpan() !== undefined,
          closeListeners: reply.raw.listenerCount('close'),
          requestSymbols: Object.getOwnPropertySymbols(req).length,
        }));
        await app.ready();
      }
      const fromTraced = await request(traced.server).get('/users/3').expect(200);
      const fromBare = await request(bare.server).get('/users/3').expect(200);
      expect(fromTraced.body).toEqual(fromBare.body);
      expect(fromTraced.body.active).toBe(false);
    });

    it('sends no traceresponse header with traceResponse on: there is no span', async () => {
      const traced = fastify();
      await traced.register(tracing, { traceResponse: 'traceresponse' });
      traced.get('/users/:id', async () => 'up');
      await traced.ready();
      const response = await request(traced.server)
        .get('/users/3')
        .set('traceparent', '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01')
        .expect(200, 'up');
      expect(response.headers['traceresponse']).toBeUndefined();
      await traced.close();
    });
  },
);
