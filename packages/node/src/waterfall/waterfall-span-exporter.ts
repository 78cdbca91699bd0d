import { type ExportResult, ExportResultCode } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace';
import { reportFailure } from '../report-failure';
import { flushBeforeExit } from './flush-before-exit';
import { formatTraceBlock } from './format-trace-block';
import { TraceBuffer } from './trace-buffer';
import {
  type ResolvedWaterfallOptions,
  resolveWaterfallOptions,
  type WaterfallOptions,
} from './waterfall-options';

// Bounds on what waits in memory: enough for a busy dev server, small enough to never matter.
const MAX_BUFFERED_TRACES = 100;
const MAX_SPANS_PER_TRACE = 500;

/**
 * Prints each trace as a tree once its root span ends, the way tracing UIs draw it: service,
 * span name, kind, duration and a bar on the trace's time axis, errors and key HTTP
 * attributes underneath. Works with any SDK's span processor; share one instance between
 * tracer providers to see several services of one process in one tree.
 *
 * @example
 * const provider = new TracerProvider({
 *   spanProcessors: [new SimpleSpanProcessor({ exporter: new WaterfallSpanExporter() })],
 * });
 */
export class WaterfallSpanExporter implements SpanExporter {
  private readonly options: ResolvedWaterfallOptions;
  private readonly buffer: TraceBuffer;
  private isShutdown = false;
  private readonly stopFlushingBeforeExit: () => void;

  constructor(options?: WaterfallOptions) {
    this.options = resolveWaterfallOptions(options);
    const { width, color, settleMillis, orphanTimeoutMillis } = this.options;
    this.buffer = new TraceBuffer({
      settleMillis,
      orphanTimeoutMillis,
      maxTraces: MAX_BUFFERED_TRACES,
      maxSpansPerTrace: MAX_SPANS_PER_TRACE,
      print: (block) => this.options.write(formatTraceBlock(block, { width, color })),
      reportError: (error) => reportFailure('WaterfallSpanExporter failed printing a trace', error),
    });
    this.stopFlushingBeforeExit = flushBeforeExit({ flushNow: () => void this.forceFlush() });
  }

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    // The callback is called once, outside the guard, so its own throw is not taken for ours.
    resultCallback(this.accept(spans));
  }

  /** Prints every buffered trace now, orphans included. */
  forceFlush(): Promise<void> {
    try {
      this.buffer.flush();
    } catch (error) {
      reportFailure('WaterfallSpanExporter failed flushing', error);
    }
    return Promise.resolve();
  }

  /** Flushes, then refuses further spans. Safe to call more than once. */
  shutdown(): Promise<void> {
    if (this.isShutdown) return Promise.resolve();
    this.isShutdown = true;
    this.stopFlushingBeforeExit();
    // flush() leaves nothing waiting, so no timer outlives this call.
    return this.forceFlush();
  }

  private accept(spans: ReadableSpan[]): ExportResult {
    if (this.isShutdown) {
      return {
        code: ExportResultCode.FAILED,
        error: new Error('WaterfallSpanExporter is shut down'),
      };
    }
    try {
      this.buffer.add(spans);
      return { code: ExportResultCode.SUCCESS };
    } catch (error) {
      reportFailure('WaterfallSpanExporter failed exporting spans', error);
      return { code: ExportResultCode.FAILED, error: toError(error) };
    }
  }
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
