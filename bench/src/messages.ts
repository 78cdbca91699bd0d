/** What a benchmark child process and the runner say to each other over Node's IPC channel. */

/** A finished span as the child reports it: enough to check name, kind, parent and attributes. */
export interface ReportedSpan {
  readonly name: string;
  /** `SpanKind`: 1 = SERVER, 2 = CLIENT. */
  readonly kind: number;
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string | undefined;
  readonly attributes: Record<string, unknown>;
}

export type ToChild =
  | { readonly type: 'keep-spans' }
  | { readonly type: 'take-spans' }
  /** fetch loop only: call the target for `seconds`, `concurrency` calls in flight. */
  | { readonly type: 'run'; readonly seconds: number; readonly concurrency: number }
  /** fetch loop only: one call inside a parent span, to check the CLIENT span it makes. */
  | { readonly type: 'probe' }
  /** The CPU time the child has used so far (all its threads, user and kernel). */
  | { readonly type: 'cpu-usage' }
  | { readonly type: 'exit' };

export type FromChild =
  | { readonly type: 'ready'; readonly port: number }
  | { readonly type: 'keeping' }
  | { readonly type: 'cpu-usage'; readonly micros: number }
  | { readonly type: 'spans'; readonly spans: readonly ReportedSpan[] }
  | {
      readonly type: 'ran';
      readonly calls: number;
      readonly errors: number;
      readonly seconds: number;
      /** CPU time the loop process used while it ran, µs. */
      readonly cpuMicros: number;
    }
  | {
      readonly type: 'probed';
      readonly parentSpanId: string;
      /** The `traceparent` header the target server received. */
      readonly receivedTraceparent: string | undefined;
    };
