/**
 * What the "logging-style middleware" of every benchmark app records: a count and
 * the total time of the answered requests (kept, not printed, so the terminal is
 * not the bottleneck).
 */
export const requestLog = { count: 0, totalMs: 0 };

export function logRequest(startedAt: number): void {
  requestLog.count++;
  requestLog.totalMs += performance.now() - startedAt;
}
