import { trace } from '@opentelemetry/api';
import { AlwaysOffSampler, ParentBasedSampler } from '@opentelemetry/sdk-trace';
import { createTestProvider, useTestTracing } from '@otelware/test-support';
import type { FastifyInstance } from 'fastify';
import request from 'supertest';
import { tracing } from '../src';
import { fastifyMajors } from './frameworks';

useTestTracing(); // context manager and propagators; spans go to per-test providers

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';

/** A route that answers what it sees of the active span and of the raw response. */
function describeSpan(app: FastifyInstance): void {
  app.get('/', { preHandler: async () => undefined }, async (_request, reply) => {
    const span = trace.getActiveSpan();
    return {
      traceId: span?.spanContext().traceId,
      sampled: span?.spanContext().traceFlags,
      recording: span?.isRecording(),
      closeListeners: reply.raw.listenerCount('close'),
    };
  });
}

describe.each(fastifyMajors)('unsampled requests on Fastify $major', ({ fastify }) => {
  async function app(provider: ReturnType<typeof createTestProvider>) {
    const created = fastify();
    await created.register(tracing, {
      tracerProvider: provider.provider,
      requestHook: () => {
        throw new Error('requestHook must not run for an unsampled span');
      },
    });
    describeSpan(created);
    await created.ready();
    return created.server;
  }

  it('records nothing but still carries the incoming trace and its unsampled decision', async () => {
    const sdk = createTestProvider(new ParentBasedSampler({ root: new AlwaysOffSampler() }));
    const response = await request(await app(sdk))
      .get('/')
      .set('traceparent', `00-${TRACE_ID}-00f067aa0ba902b7-00`)
      .expect(200);
    expect(response.body).toMatchObject({ traceId: TRACE_ID, sampled: 0, recording: false });
    expect(await sdk.spans(0)).toEqual([]);
  });

  it('adds no response listener for a span that is not recording', async () => {
    const sdk = createTestProvider(new AlwaysOffSampler());
    const traced = await request(await app(sdk))
      .get('/')
      .expect(200);
    const bare = fastify();
    describeSpan(bare);
    await bare.ready();
    const untraced = await request(bare.server).get('/').expect(200);
    expect(traced.body.closeListeners).toBe(untraced.body.closeListeners);
  });
});
