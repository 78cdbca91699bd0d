/** `420µs`, `12.5ms`, `3.20s`: short enough for a fixed column, precise where it matters. */
export function formatDuration(nanos: number): string {
  const ns = Math.max(0, nanos);
  if (ns < 999_500) return `${Math.round(ns / 1e3)}µs`;
  if (ns < 999_950_000) return `${(ns / 1e6).toFixed(1)}ms`;
  return `${(ns / 1e9).toFixed(2)}s`;
}
