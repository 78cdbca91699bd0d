import { context, propagation, trace, type TextMapPropagator } from '@opentelemetry/api';
import type { TracingOptions } from '@otelware/core';
import request from 'supertest';
import type { TestTracing } from './test-tracing';

/**
 * Builds an app traced by the adapter under test, with `options`, whose one route
 * `GET /` answers `200` with the JSON that `respond()` returns inside the handler.
 * Returns what supertest's `request()` takes (an app, a callback, a server).
 */
export type ServeJson = (
  options: TracingOptions | undefined,
  respond: () => unknown,
) => Parameters<typeof request>[0] | Promise<Parameters<typeof request>[0]>;

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const PARENT_ID = 'b7ad6b7169203331';

function activeBaggage(): unknown {
  return { baggage: propagation.getActiveBaggage()?.getEntry('tenant')?.value ?? null };
}

/**
 * The incoming-trace-context behaviour every server adapter shares (the core's
 * rules, seen through a real app): call it inside the adapter's `describe`.
 */
export function incomingContextSuite(otel: TestTracing, serve: ServeJson): void {
  const app = async (options?: TracingOptions) => serve(options, activeBaggage);

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
    const target = await app();
    await request(target).get('/').expect(200);
    await request(target).get('/').expect(200);
    const spans = await otel.serverSpans(2);
    expect(spans).toHaveLength(2);
    expect(spans[0]?.spanContext().traceId).not.toBe(spans[1]?.spanContext().traceId);
    expect(trace.getSpan(context.active())).toBeUndefined();
  });
}
