import { context, propagation, trace, type TextMapPropagator } from '@opentelemetry/api';
import { useTestTracing } from '@otelware/test-support';
import request from 'supertest';
import { tracing, type TracingOptions } from '../src';
import { fastifyMajors } from './frameworks';

const otel = useTestTracing();

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const PARENT_ID = 'b7ad6b7169203331';

describe.each(fastifyMajors)('incoming trace context on Fastify $major', ({ fastify }) => {
  async function app(options: TracingOptions = {}) {
    const created = fastify();
    await created.register(tracing, options);
    created.get('/', async () => ({
      baggage: propagation.getActiveBaggage()?.getEntry('tenant')?.value ?? null,
    }));
    await created.ready();
    return created.server;
  }

  it('continues a valid traceparent: same trace id, remote parent', async () => {
    await request(await app())
      .get('/')
      .set('traceparent', `00-${TRACE_ID}-${PARENT_ID}-01`)
      .expect(200);
    const [span] = await otel.serverSpans();
    expect(span?.spanContext().traceId).toBe(TRACE_ID);
    expect(span?.parentSpanContext?.spanId).toBe(PARENT_ID);
    expect(span?.parentSpanContext?.isRemote).toBe(true);
  });

  it('carries tracestate on to the server span', async () => {
    await request(await app())
      .get('/')
      .set('traceparent', `00-${TRACE_ID}-${PARENT_ID}-01`)
      .set('tracestate', 'vendor=abc,other=1')
      .expect(200);
    const [span] = await otel.serverSpans();
    expect(span?.spanContext().traceState?.serialize()).toBe('vendor=abc,other=1');
  });

  it('starts a new trace for a malformed traceparent and still answers', async () => {
    await request(await app())
      .get('/')
      .set('traceparent', `00-${TRACE_ID.toUpperCase()}-${PARENT_ID}-01`)
      .expect(200);
    const [span] = await otel.serverSpans();
    expect(span?.spanContext().traceId).not.toBe(TRACE_ID);
    expect(span?.spanContext().traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(span?.parentSpanContext).toBeUndefined();
  });

  it('makes incoming baggage available to the handlers', async () => {
    const response = await request(await app())
      .get('/')
      .set('baggage', 'tenant=acme')
      .expect(200);
    expect(response.body).toEqual({ baggage: 'acme' });
  });

  it('uses the propagator option instead of the global one', async () => {
    const custom: TextMapPropagator = {
      fields: () => ['x-trace'],
      inject: () => undefined,
      extract: (ctx, carrier: Record<string, string>) => {
        const [traceId, spanId] = (carrier['x-trace'] ?? '').split(':');
        return traceId && spanId
          ? trace.setSpanContext(ctx, { traceId, spanId, traceFlags: 1, isRemote: true })
          : ctx;
      },
    };
    await request(await app({ propagator: custom }))
      .get('/')
      .set('x-trace', `${TRACE_ID}:${PARENT_ID}`)
      .set('traceparent', `00-${'1'.repeat(32)}-${'2'.repeat(16)}-01`)
      .expect(200);
    const [span] = await otel.serverSpans();
    expect(span?.spanContext().traceId).toBe(TRACE_ID);
    expect(span?.parentSpanContext?.spanId).toBe(PARENT_ID);
  });

  it('gives each request its own trace when none comes in', async () => {
    const server = await app();
    await request(server).get('/').expect(200);
    await request(server).get('/').expect(200);
    const spans = await otel.serverSpans(2);
    expect(spans).toHaveLength(2);
    expect(spans[0]?.spanContext().traceId).not.toBe(spans[1]?.spanContext().traceId);
    expect(trace.getSpan(context.active())).toBeUndefined();
  });
});
