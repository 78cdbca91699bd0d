import type { SpanProcessor } from '@opentelemetry/sdk-trace';
import { TracerProvider } from '@opentelemetry/sdk-trace';
import { settledHeapUsed } from './heap-growth';
import { pipelinedLoad } from './pipelined-load';
import type { ServerSubject } from './server-subject';

/** A span processor that only counts ended spans: keeps nothing, so growth is otelware's. */
function countingProcessor(): SpanProcessor & { ended: number } {
  return {
    ended: 0,
    onStart: () => undefined,
    onEnd() {
      this.ended++;
    },
    forceFlush: async () => undefined,
    shutdown: async () => undefined,
  };
}

/** Heap growth limits, and the request counts that must stay within them. */
export interface MemoryBudget {
  readonly warmUp: number;
  readonly requests: number;
  /** The most the heap may grow over `requests`, after GC, in bytes. */
  readonly maxGrowth: number;
}

/**
 * After a warm-up, `requests` traced requests on keep-alive connections leave the
 * heap (after GC) at most `maxGrowth` bytes larger: no per-request state survives
 * its request. Spans go to a processor that keeps none of them.
 */
export function memorySuite(subject: ServerSubject, budget: MemoryBudget): void {
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  it(`keeps heap growth under ${mb(budget.maxGrowth)} over ${budget.requests} requests after a warm-up`, async () => {
    const processor = countingProcessor();
    const provider = new TracerProvider({ spanProcessors: [processor] });
    const app = await subject.start(
      {
        text: (id) => `item ${id}`,
        stream: () => {
          throw new Error('not used');
        },
      },
      { tracerProvider: provider },
    );
    const pathOf = (i: number) => `/items/${i}?page=${i % 50}`;
    try {
      await pipelinedLoad(app.port, budget.warmUp, pathOf);
      const before = await settledHeapUsed();
      await pipelinedLoad(app.port, budget.requests, pathOf);
      const growth = (await settledHeapUsed()) - before;
      // measured figures, for docs/guarantees.md
      process.stdout.write(
        `${subject.name}: heap growth ${mb(growth)} over ${budget.requests} requests\n`,
      );
      expect(processor.ended).toBe(budget.warmUp + budget.requests);
      expect(growth).toBeLessThan(budget.maxGrowth);
    } finally {
      await app.close();
    }
  }, 180_000); // 50,000 requests: seconds on an idle machine, more on a busy CI runner
}
