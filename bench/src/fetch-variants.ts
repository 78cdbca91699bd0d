import { BenchChild } from './child-process';
import type { ReportedSpan } from './messages';

export const FETCH_VARIANTS = ['untraced', 'otelware', 'otelware-unsampled', 'floor'] as const;
export type FetchVariant = (typeof FETCH_VARIANTS)[number];

export interface FetchStart {
  readonly benchDir: string;
  readonly variant: FetchVariant;
  readonly targetPort: number;
  readonly cpu?: number;
}

export function startFetchTarget(benchDir: string, cpu?: number): Promise<BenchChild> {
  return BenchChild.start({ benchDir, entry: 'fetch-target.ts', env: {}, cpu });
}

export function startFetchLoop(start: FetchStart): Promise<BenchChild> {
  return BenchChild.start({
    benchDir: start.benchDir,
    entry: 'fetch-loop.ts',
    cpu: start.cpu,
    env: {
      BENCH_VARIANT: start.variant,
      BENCH_TARGET_URL: `http://127.0.0.1:${start.targetPort}/api/users/42`,
      OTEL_SEMCONV_STABILITY_OPT_IN: 'http',
    },
  });
}

/**
 * One probe call inside a parent span: `otelware` and `floor` must export one CLIENT
 * span, child of that span, whose id is the parent id the target received; the
 * others none.
 */
export async function verifyFetchLoop(loop: BenchChild, variant: FetchVariant): Promise<string[]> {
  await loop.ask({ type: 'keep-spans' }, 'keeping');
  const probed = await loop.ask({ type: 'probe' }, 'probed');
  const { spans } = await loop.ask({ type: 'take-spans' }, 'spans');
  const clients = spans.filter((span: ReportedSpan) => span.kind === 2);
  if (variant !== 'otelware' && variant !== 'floor') {
    return clients.length === 0 ? [] : ['a CLIENT span where none should be'];
  }
  const client = clients[0];
  if (clients.length !== 1 || client === undefined) return [`${clients.length} CLIENT spans`];
  const problems: string[] = [];
  if (client.parentSpanId !== probed.parentSpanId) problems.push(`parent ${client.parentSpanId}`);
  if (client.name !== 'GET') problems.push(`name '${client.name}'`);
  if (probed.receivedTraceparent?.split('-')[2] !== client.spanId) {
    problems.push(`the target received traceparent ${probed.receivedTraceparent}`);
  }
  return problems;
}
