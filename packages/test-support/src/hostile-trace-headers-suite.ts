import { HEAVY_TEST_TIMEOUT } from './reliability-budget';
import { diag, propagation, SpanKind, trace } from '@opentelemetry/api';
import { CompositePropagator, W3CBaggagePropagator } from '@opentelemetry/core';
import { AlwaysOnSampler, type ReadableSpan } from '@opentelemetry/sdk-trace';
import { TraceContextPropagator } from '@otelware/core';
import fc from 'fast-check';
import { checkProperty } from './property-check';
import { bodyOf, rawExchange, statusOf } from './raw-http';
import { LENIENT_SERVER, type RunningServer, type ServerSubject } from './server-subject';
import { createTestProvider, waitFor } from './test-tracing';
import {
  baggageCase,
  traceparentCase,
  tracestateCase,
  type ContextVerdict,
} from './trace-context-arbitraries';

/** How many generated requests each property sends. */
export interface HostileHeaderRuns {
  readonly traceparent: number;
  readonly tracestate: number;
  readonly baggage: number;
}

const VALID_TRACE_ID = /^(?!0{32})[0-9a-f]{32}$/;
const VALID_SPAN_ID = /^(?!0{16})[0-9a-f]{16}$/;

/** What the handler saw: its active span, and how much baggage it could read. */
interface Seen {
  readonly traceId: string;
  readonly spanId: string;
  readonly baggage: number;
}

/** The traceparent value a header line block carries, as the server reads it (joined, trimmed). */
function sentTraceparent(lines: readonly string[]): string {
  return lines
    .filter((line) => line.startsWith('traceparent: '))
    .map((line) => line.slice('traceparent: '.length).trim())
    .join(', ');
}

function expectVerdict(span: ReadableSpan, verdict: ContextVerdict, lines: readonly string[]) {
  const { traceId } = span.spanContext();
  if ('continues' in verdict) {
    expect(traceId).toBe(verdict.continues.traceId);
    expect(span.parentSpanContext?.spanId).toBe(verdict.continues.parentId);
    expect(span.parentSpanContext?.isRemote).toBe(true);
  } else if ('restarts' in verdict || span.parentSpanContext === undefined) {
    expect(span.parentSpanContext).toBeUndefined();
    expect(sentTraceparent(lines)).not.toContain(traceId);
  } else {
    // random text that happens to continue a trace: only with ids it really carries
    const { spanId: parentId } = span.parentSpanContext;
    expect(sentTraceparent(lines)).toContain(`-${traceId}-${parentId}-`);
  }
}

/**
 * Hostile `traceparent`, `tracestate` and `baggage` headers, sent byte for byte on
 * real sockets (control characters and 1 MB values let through by a lenient Node
 * parser, so they reach the tracing code): every request is answered 200, the
 * handler runs in a valid server span, the span continues the incoming trace
 * exactly when the header is valid, a valid `tracestate` (Level 2 keys, duplicate
 * keys allowed) is inherited with one entry per key, and otelware reports no
 * failure of its own. The app uses otelware's `TraceContextPropagator`.
 */
export function hostileTraceHeadersSuite(subject: ServerSubject, runs: HostileHeaderRuns): void {
  const sdk = createTestProvider(new AlwaysOnSampler()); // unsampled parents are recorded too
  let app: RunningServer;
  let diagError: jest.SpyInstance;

  beforeAll(async () => {
    app = await subject.start(
      {
        text: () => {
          const { traceId, spanId } = trace.getActiveSpan()?.spanContext() ?? {};
          const baggage = propagation.getActiveBaggage()?.getAllEntries().length ?? 0;
          return JSON.stringify({ traceId, spanId, baggage });
        },
        stream: () => {
          throw new Error('not used');
        },
      },
      {
        tracerProvider: sdk.provider,
        // otelware's own W3C Trace Context rules (the ones @otelware/node installs)
        propagator: new CompositePropagator({
          propagators: [new TraceContextPropagator(), new W3CBaggagePropagator()],
        }),
      },
      LENIENT_SERVER,
    );
  });
  afterAll(() => app.close());
  beforeEach(() => {
    diagError = jest.spyOn(diag, 'error');
  });
  afterEach(() => {
    expect(diagError).not.toHaveBeenCalled();
    diagError.mockRestore();
  });

  /** Sends one GET /items/7 with `lines`; checks the answer and returns the one span it made. */
  async function exchange(lines: readonly string[]): Promise<{ span: ReadableSpan; seen: Seen }> {
    sdk.exporter.reset();
    const head = `GET /items/7 HTTP/1.1\r\nHost: localhost\r\n${lines.map((line) => `${line}\r\n`).join('')}Connection: close\r\n\r\n`;
    const response = await rawExchange(app.port, head);
    expect(statusOf(response)).toBe(200);
    const seen = JSON.parse(bodyOf(response)) as Seen;
    await waitFor(() => sdk.exporter.getFinishedSpans().length > 0);
    const spans = sdk.exporter.getFinishedSpans();
    expect(spans).toHaveLength(1);
    const span = spans[0] as ReadableSpan;
    expect(span.name).toBe('GET /items/:id');
    expect(span.kind).toBe(SpanKind.SERVER);
    expect(span.instrumentationScope.name).toBe(subject.scope);
    expect(span.spanContext().spanId).toBe(seen.spanId);
    expect(span.spanContext().traceId).toBe(seen.traceId);
    expect(span.spanContext().traceId).toMatch(VALID_TRACE_ID);
    expect(span.spanContext().spanId).toMatch(VALID_SPAN_ID);
    return { span, seen };
  }

  it(
    `continues a valid traceparent and restarts on any other (${runs.traceparent} generated headers)`,
    async () => {
      await checkProperty(
        fc.asyncProperty(traceparentCase, async ({ lines, verdict }) => {
          const { span } = await exchange(lines);
          expectVerdict(span, verdict, lines);
        }),
        runs.traceparent,
      );
    },
    HEAVY_TEST_TIMEOUT,
  );

  it(
    `keeps a valid traceparent whatever tracestate comes with it, inventing no member (${runs.tracestate} generated headers)`,
    async () => {
      await checkProperty(
        fc.asyncProperty(tracestateCase, async ({ lines, verdict, members, valid }) => {
          const { span } = await exchange(lines);
          expectVerdict(span, verdict, lines);
          const sent = new Set(members.flatMap((member) => member.split(',')).map((m) => m.trim()));
          const kept = span.spanContext().traceState?.serialize() ?? '';
          for (const member of kept === '' ? [] : kept.split(',')) expect(sent).toContain(member);
          // a valid list (Level 2: duplicate keys allowed) is inherited, one entry per key
          const keys = kept === '' ? [] : kept.split(',').map((member) => member.split('=')[0]);
          expect(new Set(keys).size).toBe(keys.length);
          if (valid && [...sent].some((member) => member !== '')) expect(kept).not.toBe('');
        }),
        runs.tracestate,
      );
    },
    HEAVY_TEST_TIMEOUT,
  );

  it(
    `keeps a valid traceparent, and lets handlers read baggage, whatever baggage comes (${runs.baggage} generated headers)`,
    async () => {
      await checkProperty(
        fc.asyncProperty(baggageCase, async ({ lines, verdict }) => {
          const { span, seen } = await exchange(lines);
          expectVerdict(span, verdict, lines);
          expect(seen.baggage).toBeGreaterThanOrEqual(0);
        }),
        runs.baggage,
      );
    },
    HEAVY_TEST_TIMEOUT,
  );
}
