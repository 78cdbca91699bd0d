/**
 * The fetch client under test: `BENCH_VARIANT` `untraced` (Node's fetch),
 * `otelware` (wrapFetch, AlwaysOn SDK), `otelware-unsampled` (AlwaysOff) or `floor`
 * (a hand-rolled CLIENT span, AlwaysOn), calling `BENCH_TARGET_URL` in a loop when
 * the runner says `run`.
 */
import { context, propagation, SpanKind, trace, type Tracer } from '@opentelemetry/api';
import { wrapFetch } from '@otelware/fetch';
import type { ToChild } from '../messages';
import { registerSdk } from './sdk';
import { answerRunner } from './span-channel';

const variant = process.env.BENCH_VARIANT ?? 'untraced';
const url = process.env.BENCH_TARGET_URL ?? '';
if (variant !== 'untraced') registerSdk(variant !== 'otelware-unsampled');

/**
 * The least a traced call costs through the SDK: a CLIENT span with otelware's
 * start attributes as constants, its context injected into the request headers,
 * the status recorded and the span ended. Not made active around the call and no
 * error handling, unlike otelware: right for this loop only.
 */
const FLOOR_ATTRIBUTES = {
  'http.request.method': 'GET',
  'server.address': '127.0.0.1',
  'server.port': Number(new URL(url || 'http://127.0.0.1:80').port),
  'url.full': url,
};

let floorTracer: Tracer | undefined;

async function floorFetch(target: string): Promise<Response> {
  floorTracer ??= trace.getTracer('bench-floor'); // once, as wrapFetch keeps its own
  const span = floorTracer.startSpan('GET', {
    kind: SpanKind.CLIENT,
    attributes: FLOOR_ATTRIBUTES,
  });
  const headers: Record<string, string> = {};
  propagation.inject(trace.setSpan(context.active(), span), headers);
  try {
    const response = await fetch(target, { headers });
    span.setAttribute('http.response.status_code', response.status);
    return response;
  } finally {
    span.end();
  }
}

const CALLS = { untraced: fetch, floor: floorFetch } as Record<string, typeof fetch | undefined>;
const call = CALLS[variant] ?? wrapFetch(fetch);

async function callLoop(
  deadline: number,
  counts: { calls: number; errors: number },
): Promise<void> {
  while (performance.now() < deadline) {
    try {
      const response = await call(url);
      await response.arrayBuffer();
      counts.calls++;
    } catch {
      counts.errors++;
    }
  }
}

async function run(seconds: number, concurrency: number): Promise<void> {
  const counts = { calls: 0, errors: 0 };
  const startedAt = performance.now();
  const cpuBefore = process.cpuUsage();
  const deadline = startedAt + seconds * 1000;
  await Promise.all(Array.from({ length: concurrency }, () => callLoop(deadline, counts)));
  const cpu = process.cpuUsage(cpuBefore);
  const elapsed = (performance.now() - startedAt) / 1000;
  process.send?.({ type: 'ran', ...counts, seconds: elapsed, cpuMicros: cpu.user + cpu.system });
}

/** One call inside an active span: its CLIENT span must be that span's child. */
async function probe(): Promise<void> {
  await trace.getTracer('bench').startActiveSpan('probe', async (span) => {
    const response = await call(url);
    const body = (await response.json()) as { traceparent: string | null };
    span.end();
    process.send?.({
      type: 'probed',
      parentSpanId: span.spanContext().spanId,
      receivedTraceparent: body.traceparent ?? undefined,
    });
  });
}

answerRunner((message: ToChild) => {
  if (message.type === 'run') void run(message.seconds, message.concurrency);
  else if (message.type === 'probe') void probe();
});
process.send?.({ type: 'ready', port: 0 });
