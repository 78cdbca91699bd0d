/**
 * Which span ids of recent traces were already printed, so a late span can be told from an
 * orphan ("parent printed above" vs "parent not seen"). Remembers the most recent traces only.
 */
export class PrintedTraces {
  private readonly spanIdsByTrace = new Map<string, Set<string>>();

  constructor(private readonly maxTraces: number) {}

  has(traceId: string): boolean {
    return this.spanIdsByTrace.has(traceId);
  }

  spanIdsOf(traceId: string): ReadonlySet<string> {
    return this.spanIdsByTrace.get(traceId) ?? new Set();
  }

  remember(traceId: string, spanIds: Iterable<string>): void {
    const known = this.spanIdsByTrace.get(traceId) ?? new Set<string>();
    for (const id of spanIds) known.add(id);
    // Re-inserting moves the trace to the end, so eviction drops the least recently printed.
    this.spanIdsByTrace.delete(traceId);
    this.spanIdsByTrace.set(traceId, known);
    for (const oldest of this.spanIdsByTrace.keys()) {
      if (this.spanIdsByTrace.size <= this.maxTraces) break;
      this.spanIdsByTrace.delete(oldest);
    }
  }
}
