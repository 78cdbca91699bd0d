import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import { PrintedTraces } from './printed-traces';
import { parentIdOf, spanIdOf, traceIdOf } from './span-fields';
import type { TraceBlock } from './format-trace-block';

export interface TraceBufferOptions {
  readonly settleMillis: number;
  readonly orphanTimeoutMillis: number;
  readonly maxTraces: number;
  readonly maxSpansPerTrace: number;
  /** Called for each trace when it is ready; may throw. */
  readonly print: (block: TraceBlock) => void;
  /** Receives what `print` threw from a timer, where there is no caller to tell. */
  readonly reportError: (error: unknown) => void;
}

interface PendingTrace {
  readonly traceId: string;
  readonly spans: ReadableSpan[];
  readonly spanIds: Set<string>;
  readonly late: boolean;
  hasRoot: boolean;
  settling: boolean;
  droppedSpans: number;
  timer?: NodeJS.Timeout;
}

/**
 * Collects spans by trace until the trace is complete enough to draw. A trace with its root
 * waits `settleMillis` for stragglers from other providers' batches; one without waits until
 * `orphanTimeoutMillis` have passed with no new span. Memory is bounded: at most `maxTraces`
 * waiting (the oldest is dropped and counted) and `maxSpansPerTrace` spans in each.
 */
export class TraceBuffer {
  private readonly pending = new Map<string, PendingTrace>();
  private readonly printed: PrintedTraces;
  private droppedTraces = 0;

  constructor(private readonly options: TraceBufferOptions) {
    this.printed = new PrintedTraces(options.maxTraces);
  }

  /**
   * Buffers `spans` and schedules their traces. What a malformed span or printing a trace
   * due now throws is rethrown at the end, after every other span was taken in.
   */
  add(spans: readonly ReadableSpan[]): void {
    const touched = new Set<PendingTrace>();
    let failure: { error: unknown } | undefined;
    for (const span of spans) {
      try {
        this.addSpan(span, touched);
      } catch (error) {
        failure ??= { error };
      }
    }
    for (const trace of touched) {
      try {
        this.schedule(trace);
      } catch (error) {
        failure ??= { error };
      }
    }
    if (failure) throw failure.error;
  }

  /** Prints every waiting trace now, oldest first, orphans included. */
  flush(): void {
    for (const trace of [...this.pending.values()]) this.printGuarded(trace);
  }

  private addSpan(span: ReadableSpan, touched: Set<PendingTrace>): void {
    const id = spanIdOf(span);
    const trace = this.pendingTraceFor(traceIdOf(span));
    touched.add(trace);
    if (trace.spanIds.has(id)) return; // the same span exported twice
    if (trace.spans.length >= this.options.maxSpansPerTrace) {
      trace.droppedSpans++;
      return;
    }
    trace.spans.push(span);
    trace.spanIds.add(id);
    if (parentIdOf(span) === undefined) trace.hasRoot = true;
  }

  private pendingTraceFor(traceId: string): PendingTrace {
    const existing = this.pending.get(traceId);
    if (existing) return existing;
    if (this.pending.size >= this.options.maxTraces) this.dropOldest();
    const trace: PendingTrace = {
      traceId,
      spans: [],
      spanIds: new Set(),
      late: this.printed.has(traceId),
      hasRoot: false,
      settling: false,
      droppedSpans: 0,
    };
    this.pending.set(traceId, trace);
    return trace;
  }

  private dropOldest(): void {
    const oldest = this.pending.values().next().value;
    if (!oldest) return;
    clearTimeout(oldest.timer);
    this.pending.delete(oldest.traceId);
    this.droppedTraces++;
  }

  private schedule(trace: PendingTrace): void {
    // A late block's parent was printed already; like a root, nothing more is worth waiting for.
    if (trace.hasRoot || trace.late) {
      if (trace.settling) return; // stragglers do not push the deadline back
      trace.settling = true;
      this.printAfter(trace, this.options.settleMillis);
    } else if (!trace.settling) {
      this.printAfter(trace, this.options.orphanTimeoutMillis);
    }
  }

  private printAfter(trace: PendingTrace, millis: number): void {
    clearTimeout(trace.timer);
    if (millis === 0) return this.print(trace);
    trace.timer = setTimeout(() => this.printGuarded(trace), millis);
    // A waterfall is a convenience: it must never keep a finished process alive. (Optional
    // call: some fake-timer libraries hand out timers without unref.)
    trace.timer.unref?.();
  }

  private printGuarded(trace: PendingTrace): void {
    try {
      this.print(trace);
    } catch (error) {
      this.options.reportError(error);
    }
  }

  private print(trace: PendingTrace): void {
    clearTimeout(trace.timer);
    // Only the trace still registered is printed: a dropped or already printed one is gone.
    if (this.pending.get(trace.traceId) !== trace) return;
    this.pending.delete(trace.traceId);
    const block: TraceBlock = {
      traceId: trace.traceId,
      spans: trace.spans,
      late: trace.late,
      // A copy: remembering this block's spans below must not change what it was told.
      printedSpanIds: new Set(this.printed.spanIdsOf(trace.traceId)),
      droppedSpans: trace.droppedSpans,
      droppedTraces: this.droppedTraces,
    };
    this.droppedTraces = 0;
    this.printed.remember(trace.traceId, trace.spanIds);
    this.options.print(block);
  }
}
