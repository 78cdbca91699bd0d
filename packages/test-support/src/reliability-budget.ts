import type { HostileHeaderRuns } from './hostile-trace-headers-suite';
import type { MemoryBudget } from './memory-suite';

/** How hard the reliability suites push one framework major. */
export interface ReliabilityBudget {
  readonly headers: HostileHeaderRuns;
  readonly urls: number;
  readonly sensitive: number;
  readonly concurrent: number;
}

/**
 * The current major of each framework gets the full runs; the older major, which
 * shares every line of otelware's code with it, a smaller sample. One place to
 * tune the suites against the CI time budget.
 */
export const RELIABILITY_BUDGET: Readonly<Record<'current' | 'older', ReliabilityBudget>> = {
  current: {
    headers: { traceparent: 1000, tracestate: 200, baggage: 200 },
    urls: 200,
    sensitive: 200,
    concurrent: 2000,
  },
  older: {
    headers: { traceparent: 200, tracestate: 50, baggage: 50 },
    urls: 50,
    sensitive: 50,
    concurrent: 500,
  },
};

/**
 * The memory budget: 50,000 requests in 5 rounds after a warm-up, heap growth after
 * GC under 2 MB, that is under 42 bytes per request.
 */
export const MEMORY_BUDGET: MemoryBudget = {
  warmUp: 5_000,
  requests: 50_000,
  rounds: 5,
  maxGrowth: 2 * 1024 * 1024,
};

/**
 * The time limit of one heavy reliability test: seconds on an idle 2-core machine,
 * but a busy CI runner can take several times longer, and a timeout is no finding.
 */
export const HEAVY_TEST_TIMEOUT = 120_000;
