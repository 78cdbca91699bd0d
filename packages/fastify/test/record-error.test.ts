import { SpanStatusCode } from '@opentelemetry/api';
import { ATTR_ERROR_TYPE } from '@opentelemetry/semantic-conventions';
import { useTestTracing } from '@otelware/test-support';
import request from 'supertest';
import { recordError, tracing } from '../src';
import { fastifyMajors } from './frameworks';

const otel = useTestTracing();

class UpstreamTimeoutError extends Error {}

describe.each(fastifyMajors)('recordError on Fastify $major', ({ fastify }) => {
  it('records an error the app answered itself with a 5xx', async () => {
    const app = fastify();
    await app.register(tracing);
    app.get('/report', async (req, reply) => {
      recordError(req, new UpstreamTimeoutError('upstream timed out'));
      return reply.code(503).send({ retry: true });
    });
    await app.ready();
    await request(app.server).get('/report').expect(503, { retry: true });
    const [span] = await otel.serverSpans();
    expect(span?.status).toEqual({ code: SpanStatusCode.ERROR, message: 'upstream timed out' });
    expect(span?.attributes[ATTR_ERROR_TYPE]).toBe('UpstreamTimeoutError');
    expect(span?.events.map((event) => event.name)).toEqual(['exception']);
    await app.close();
  });
});
