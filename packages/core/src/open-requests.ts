import type { Context } from '@opentelemetry/api';
import type { RequestTrace } from './request-trace';

/**
 * A request whose span is open and whose outcome is recorded: a link of the
 * process's list of open requests (a doubly linked list through the requests
 * themselves, so opening and ending one allocates nothing and hashes nothing).
 */
export interface OpenRequest {
  previousOpen: OpenRequest | undefined;
  nextOpen: OpenRequest | undefined;
  endAborted(): void;
  startedBy(tracer: object): boolean;
}

interface OpenList {
  first: OpenRequest | undefined;
}

// versioned: a copy of @otelware/core with another `OpenRequest` shape keeps its own list
const REGISTRY = Symbol.for('@otelware/core/open-requests@2');

/**
 * The open requests of every `ServerTracer` in the process. The list lives on
 * `globalThis` under a registered symbol, so that one call ends them all even
 * when an app holds two copies of `@otelware/core`.
 */
const openList: OpenList = ((globalThis as { [REGISTRY]?: OpenList })[REGISTRY] ??= {
  first: undefined,
});

/**
 * Where an adapter has the core keep each recorded request's trace, for
 * `traceOf(key)` in its later hooks and the app's error handlers:
 * - `'slot'`: in `TRACE_SLOT`, a property the framework declares on every one of
 *   its request objects (a Fastify request decorator): a plain property store.
 * - `'table'`: in a side table, for frameworks whose request objects must not gain
 *   a property (Express).
 * An adapter that holds the trace itself (Koa's middleware) keeps it nowhere.
 */
export type TraceKeeping = 'slot' | 'table';

/** The request-object property of `TraceKeeping` `'slot'`; `null` while no trace is kept there. */
export const TRACE_SLOT = Symbol('otelware.trace');

type Slotted = { [TRACE_SLOT]?: RequestTrace | null };

/**
 * The side table, by request object: for `'table'` adapters, a recorded request's
 * trace while its span is open; otherwise, and once that span has ended, the
 * context the request ran in. The `emit` wrapper `sharesEmit` installs reads the
 * context from either. One entry per request serves both (see
 * docs/architecture.md, "Per-request state").
 */
const requestTable = new WeakMap<object, RequestTrace | Context>();

/** A trace has a `context`; a context (the API's `Context`) has none. */
function isTrace(entry: RequestTrace | Context | undefined): entry is RequestTrace {
  return entry !== undefined && (entry as Partial<RequestTrace>).context !== undefined;
}

/** The trace of the open request whose adapter's object is `key`. */
export function traceOf(key: unknown): RequestTrace | undefined {
  if (typeof key !== 'object' || key === null) return undefined;
  const slotted = (key as Slotted)[TRACE_SLOT];
  // a declared slot (null when empty) answers alone
  if (slotted !== undefined) return slotted ?? undefined;
  const entry = requestTable.get(key);
  return isTrace(entry) ? entry : undefined;
}

/** The context `request` runs in, kept in the side table (by `keepContext` or as its open trace). */
export function keptContextOf(request: object): Context | undefined {
  const entry = requestTable.get(request);
  return isTrace(entry) ? entry.context : entry;
}

/** Keeps the context `request` runs in, for `keptContextOf` (a second tracer's replaces the first's). */
export function keepContext(request: object, ctx: Context): void {
  requestTable.set(request, ctx);
}

/** Puts `request` on the list and keeps it where `traceOf(request.key)` finds it (the newest wins). */
export function addOpenRequest(request: RequestTrace, keeping: TraceKeeping | undefined): void {
  if (keeping === 'slot') (request.key as Slotted)[TRACE_SLOT] = request;
  else if (keeping === 'table') requestTable.set(request.key, request);
  const { first } = openList;
  request.nextOpen = first;
  if (first !== undefined) first.previousOpen = request;
  openList.first = request;
}

/** Takes `request` off the list; a request never added is left as it is. */
export function removeOpenRequest(request: RequestTrace, keeping: TraceKeeping | undefined): void {
  const { previousOpen, nextOpen } = request;
  if (previousOpen !== undefined) previousOpen.nextOpen = nextOpen;
  else if (openList.first === request) openList.first = nextOpen;
  else return;
  if (nextOpen !== undefined) nextOpen.previousOpen = previousOpen;
  request.previousOpen = undefined;
  request.nextOpen = undefined;
  const key = request.key as Slotted;
  if (keeping === 'slot') {
    if (key[TRACE_SLOT] === request) key[TRACE_SLOT] = null;
  } else if (keeping === 'table' && requestTable.get(key) === request) {
    // the request's context stays for its later events; the entry no longer leads back to it
    requestTable.set(key, request.context);
  }
}

/** The open requests now, oldest first. */
export function openRequestsNow(): OpenRequest[] {
  const requests: OpenRequest[] = [];
  for (let request = openList.first; request !== undefined; request = request.nextOpen) {
    requests.push(request);
  }
  return requests.reverse();
}

/**
 * Ends, as aborted, the span of every request still open in the process, with
 * any status already written: for a process about to exit with requests in
 * flight, whose spans would otherwise never end. `@otelware/node` calls it when
 * it shuts down (also on SIGTERM/SIGINT); with another SDK set-up, call it before
 * the tracer provider's `shutdown()`. Never throws.
 */
export function endOpenRequests(): void {
  for (const request of openRequestsNow()) request.endAborted();
}
