/**
 * `@otelware/core/adapter`: what otelware's own packages build on. Apps import
 * `@otelware/core` (or an adapter) instead; this entry may change in any release.
 */
import type { TraceKeeping } from './open-requests';
import type { ContextEmitter } from './run-emitter-in-context';
import type { InstrumentationScope } from './tracer-lookup';

/**
 * What a server adapter gives the core, once, when it creates its `ServerTracer`.
 * Per request it then hands over the framework's request and response
 * (`startRequest`), tells the route (`RequestTrace.setRoute`, or `resolveRoute`
 * below) and the app's error (`RequestTrace.setError`, found with `traceOf`), and
 * runs the rest of the app in `RequestTrace.context`. `K` is the adapter's own
 * object for a request.
 */
export interface ServerAdapter<K extends object> extends InstrumentationScope {
  /**
   * Reads the route template when the request ends, for frameworks whose routing
   * is easiest to read afterwards. A template set with `RequestTrace.setRoute` wins.
   */
  readonly resolveRoute?: (key: K) => string | undefined;
  /**
   * For a framework that re-prototypes every request (Express): finds the
   * prototype all of its requests share, where the request stream's `emit` is
   * wrapped once instead of on each request.
   */
  readonly sharedRequestPrototype?: (request: ContextEmitter) => ContextEmitter | undefined;
  /**
   * Where the core keeps each recorded request's trace for `traceOf(key)`, for an
   * adapter that looks it up later (`TraceKeeping`). Omitted: kept nowhere, for an
   * adapter that holds the trace itself.
   */
  readonly keepsTraceIn?: TraceKeeping;
}

export { ServerTracer } from './server-tracer';
export type { ServerResponseLike } from './server-tracer';
export type { RequestTrace, ClosableResponse } from './request-trace';
export { TRACE_SLOT, traceOf, type TraceKeeping } from './open-requests';
export type { ContextEmitter } from './run-emitter-in-context';
export type { InstrumentationScope } from './tracer-lookup';
export { ClientTracer } from './client-tracer';
export type { ClientCall, ClientResponse } from './client-call';
export type { HeaderReader } from './capture-headers';
export {
  applyOptionRules,
  checkOptionNames,
  functionRule,
  hasMethods,
  isObject,
  optionError,
  propagatorRule,
  resolveOptionsWith,
  rule,
} from './option-rules';
export type { OptionRule, OptionRules, ResolvedBy } from './option-rules';
export { HTTP_OPTION_RULES } from './resolve-options';
export { reportError, callSafely } from './report-error';
export { formatPath, type RoutePath } from './span-name';
export { TRACEPARENT_HEADER } from './trace-context/traceparent';
export { TRACESTATE_HEADER } from './trace-context/tracestate';
