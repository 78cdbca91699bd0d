import type { SpanProcessor } from '@opentelemetry/sdk-trace';
import { TracerProvider } from '@opentelemetry/sdk-trace';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { pipelinedLoad } from './http-clients';
import type { ServerSubject } from './server-subject';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/**
 * Full collections before the heap counts as settled: more than V8's
 * `--bytecode-old-age` (5 on Node 20, 6 on Node 24), so the bytecode of every
 * function not run since the last measurement is flushed in each measurement alike.
 */
const MIN_ROUNDS = 8;
const MAX_ROUNDS = 40;
/** The heap is settled when this many rounds in a row move it by less than `TOLERANCE`. */
const STABLE_ROUNDS = 3;
const TOLERANCE = 64 * 1024;

/**
 * The heap in use after full collections, once nothing more can be freed. Each
 * round waits a timer's turn of the event loop first, so closed sockets finish
 * closing and timers release what they held, then collects.
 */
export async function settledHeapUsed(): Promise<number> {
  let previous = Infinity;
  let stable = 0;
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    gc();
    const used = process.memoryUsage().heapUsed;
    stable = Math.abs(previous - used) < TOLERANCE ? stable + 1 : 0;
    previous = used;
    if (round >= MIN_ROUNDS && stable >= STABLE_ROUNDS) break;
  }
  return previous;
}

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
  /** `requests` go in this many equal rounds, the heap measured after each. */
  readonly rounds: number;
  /** The most the heap may grow over `requests`, after GC, in bytes. */
  readonly maxGrowth: number;
}

/** The middle value; the upper middle one of an even count. */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/**
 * After a warm-up, `requests` traced requests on keep-alive connections leave the
 * heap (after GC) at most `maxGrowth` bytes larger: no per-request state survives
 * its request. Spans go to a processor that keeps none of them.
 *
 * The requests go in `rounds` equal rounds and the growth over `requests` is the
 * median round's, times `rounds`. State kept per request grows every round alike;
 * what V8 and the test process do once (optimizing code, flushing bytecode, an
 * earlier test file's leftovers freed by a timer) moves a round or two by up to a
 * few MB either way, and the median sets those rounds aside.
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
    const perRound = budget.requests / budget.rounds;
    try {
      await pipelinedLoad(app.port, budget.warmUp, pathOf);
      const roundGrowths: number[] = [];
      let heap = await settledHeapUsed();
      for (let round = 0; round < budget.rounds; round++) {
        // a path no request before had: state kept per URL would grow every round too
        const first = budget.warmUp + round * perRound;
        await pipelinedLoad(app.port, perRound, (i) => pathOf(first + i));
        const previous = heap;
        heap = await settledHeapUsed();
        roundGrowths.push(heap - previous);
      }
      const growth = median(roundGrowths) * budget.rounds;
      // measured figures, for docs/guarantees.md
      process.stdout.write(
        `${subject.name}: heap growth ${mb(growth)} over ${budget.requests} requests ` +
          `(rounds of ${perRound}, in KB: ${roundGrowths.map((g) => Math.round(g / 1024)).join(', ')})\n`,
      );
      expect(processor.ended).toBe(budget.warmUp + budget.requests);
      expect(growth).toBeLessThan(budget.maxGrowth);
    } finally {
      await app.close();
    }
  }, 180_000); // 50,000 requests: seconds on an idle machine, more on a busy CI runner
}
