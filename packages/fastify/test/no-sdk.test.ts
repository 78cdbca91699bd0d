import { trace } from '@opentelemetry/api';
import request from 'supertest';
import { TRACE_SLOT } from '@otelware/core/adapter';
import { tracing } from '../src';
import { fastifyMajors } from './frameworks';

// No SDK is registered in this file: @opentelemetry/api alone is a no-op.

describe.each(fastifyMajors)(
  'Fastify $major with no OpenTelemetry SDK registered',
  ({ fastify }) => {
    it('answers as usual, adds no listener, activates no span and leaves its request decorator empty', async () => {
      const traced = fastify();
      await traced.register(tracing);
      const bare = fastify();
      for (const app of [traced, bare]) {
        app.get('/users/:id', async (req, reply) => ({
          id: (req.params as { id: string }).id,
          active: trace.getActiveSpan() !== undefined,
          closeListeners: reply.raw.listenerCount('close'),
          // Fastify's own symbols; otelware's decorator holds no trace
          requestSymbols: Object.getOwnPropertySymbols(req).filter((key) => key !== TRACE_SLOT)
            .length,
          traceSlot: (req as unknown as Record<symbol, unknown>)[TRACE_SLOT] ?? 'none',
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
