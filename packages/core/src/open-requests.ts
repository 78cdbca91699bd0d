/** A request whose span is open and whose outcome is recorded. */
interface OpenRequest {
  endAborted(): void;
  startedBy(tracer: object): boolean;
}

// versioned: a copy of @otelware/core with another `OpenRequest` shape keeps its own set
const REGISTRY = Symbol.for('@otelware/core/open-requests@1');

/**
 * The open requests of every `ServerTracer` in the process. It lives on
 * `globalThis` under a registered symbol, so that one call ends them all even
 * when an app holds two copies of `@otelware/core`.
 */
export const openRequests: Set<OpenRequest> = ((globalThis as { [REGISTRY]?: Set<OpenRequest> })[
  REGISTRY
] ??= new Set());

/**
 * Ends, as aborted, the span of every request still open in the process, with
 * any status already written: for a process about to exit with requests in
 * flight, whose spans would otherwise never end. `@otelware/node` calls it when
 * it shuts down (also on SIGTERM/SIGINT); with another SDK set-up, call it before
 * the tracer provider's `shutdown()`. Never throws.
 */
export function endOpenRequests(): void {
  for (const request of [...openRequests]) request.endAborted();
}
