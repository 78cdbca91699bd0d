import { SpanStatusCode } from '@opentelemetry/api';
import { ATTR_CLIENT_ADDRESS, ATTR_ERROR_TYPE } from '@opentelemetry/semantic-conventions';
import { ATTR_OTELWARE_ABORTED } from '@otelware/core';
import { countSpanEnds, useTestTracing } from '@otelware/test-support';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import request from 'supertest';
import { tracing, type TracingOptions } from '../src';
import { fastifyMajors } from './frameworks';

const otel = useTestTracing();

/** What a span says about its request, leaving out the ids, times and the peer address. */
function summary(span: ReadableSpan | undefined) {
  const { [ATTR_CLIENT_ADDRESS]: _peer, ...attributes } = span?.attributes ?? {};
  return {
    name: span?.name,
    kind: span?.kind,
    status: span?.status,
    attributes,
    events: span?.events.map((event) => event.name),
  };
}

describe.each(fastifyMajors)('app.inject() on Fastify $major', ({ fastify }) => {
  async function app(options: TracingOptions = {}) {
    const created = fastify();
    await created.register(tracing, options);
    created.post('/orders/:id', async (req) => ({ id: (req.params as { id: string }).id }));
    created.get('/fail', async () => {
      throw new RangeError('out of stock');
    });
    created.get('/raw', (_request, reply) => {
      reply.hijack();
      setImmediate(() => reply.raw.end('by hand'));
    });
    await created.ready();
    return created;
  }

  const headers = { host: 'shop.example.com', 'user-agent': 'otelware-test' };

  async function socketAndInjectSpans(method: 'GET' | 'POST', url: string) {
    const target = await app();
    const agent = request(target.server);
    const bySocket = await (
      method === 'GET' ? agent.get(url) : agent.post(url).send({ item: 'tea' })
    ).set(headers);
    const [socketSpan] = await otel.serverSpans();
    otel.exporter.reset();
    const byInject = await target.inject({
      method,
      url,
      headers,
      ...(method === 'POST' ? { payload: { item: 'tea' } } : {}),
    });
    const [injectSpan] = await otel.serverSpans();
    expect(byInject.statusCode).toBe(bySocket.status);
    expect(byInject.body).toBe(bySocket.text);
    return [socketSpan, injectSpan];
  }

  it('traces an injected request exactly as one over a socket', async () => {
    const [socketSpan, injectSpan] = await socketAndInjectSpans('POST', '/orders/7?src=app');
    expect(injectSpan?.name).toBe('POST /orders/:id');
    expect(summary(injectSpan)).toEqual(summary(socketSpan));
  });

  it('records an error of an injected request exactly as one over a socket', async () => {
    const [socketSpan, injectSpan] = await socketAndInjectSpans('GET', '/fail');
    expect(injectSpan?.status.code).toBe(SpanStatusCode.ERROR);
    expect(injectSpan?.attributes[ATTR_ERROR_TYPE]).toBe('RangeError');
    expect(summary(injectSpan)).toEqual(summary(socketSpan));
  });

  it('ends the span of an injected request once, also for a hijacked reply', async () => {
    const counted = countSpanEnds(otel.provider);
    const target = await app({ tracerProvider: counted.provider });
    await target.inject({ method: 'POST', url: '/orders/1', payload: {} });
    const response = await target.inject({ method: 'GET', url: '/raw' });
    expect(response.body).toBe('by hand');
    const spans = await otel.serverSpans(2);
    expect(spans.map((span) => span.name).sort()).toEqual(['GET /raw', 'POST /orders/:id']);
    expect(spans.map((span) => span.attributes[ATTR_OTELWARE_ABORTED])).toEqual([
      undefined,
      undefined,
    ]);
    expect([...counted.ends.values()]).toEqual([1, 1]);
  });
});
