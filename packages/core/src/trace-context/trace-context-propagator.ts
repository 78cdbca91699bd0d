import {
  isSpanContextValid,
  trace,
  type Context,
  type SpanContext,
  type TextMapGetter,
  type TextMapPropagator,
  type TextMapSetter,
} from '@opentelemetry/api';
import { resolveOptionsWith, rule, type OptionRules } from '../option-rules';
import { formatTraceparent } from './format-traceparent';
import { combinedHeaderField, singleHeaderField } from './header-field';
import { randomTraceIdFlag, rememberIncomingRandomFlag } from './incoming-random-flag';
import { isTracingSuppressed } from './is-tracing-suppressed';
import { parseTraceparent } from './parse-traceparent';
import { parseTraceState } from './parse-tracestate';
import { serializeTraceState } from './serialize-trace-state';
import { SAMPLED_FLAG } from './trace-flags';
import { EMPTY_TRACE_STATE } from './w3c-trace-state';

const TRACEPARENT = 'traceparent';
const TRACESTATE = 'tracestate';

/** Options of {@link TraceContextPropagator}. */
export interface TraceContextPropagatorOptions {
  /**
   * Whether this process draws the trace ids of the traces it starts at random
   * (at least their right-most 7 bytes), as the OpenTelemetry SDK's default
   * `RandomIdGenerator` does. Those traces are then sent with the Level 2
   * random-trace-id flag (`02`). Set `false` with a non-random `IdGenerator`.
   * A continued trace always keeps the flag it arrived with.
   * @default true
   */
  localTraceIdsAreRandom?: boolean;
}

const PROPAGATOR_OPTION_RULES = {
  localTraceIdsAreRandom: rule(
    (value) => typeof value === 'boolean',
    'a boolean',
    (random) => random ?? true,
  ),
} satisfies OptionRules<TraceContextPropagatorOptions>;

/**
 * A W3C Trace Context (`traceparent`, `tracestate`) propagator that follows the
 * specification's processing model exactly, Level 2's random-trace-id flag
 * included; usable with any OpenTelemetry SDK.
 *
 * @example
 * propagation.setGlobalPropagator(new TraceContextPropagator());
 */
export class TraceContextPropagator implements TextMapPropagator {
  private readonly localTraceIdsAreRandom: boolean;

  constructor(options: TraceContextPropagatorOptions = {}) {
    this.localTraceIdsAreRandom = resolveOptionsWith(
      PROPAGATOR_OPTION_RULES,
      options,
    ).localTraceIdsAreRandom;
  }

  /** Sends nothing for an invalid span context; always version `00` (§3.2.4). */
  inject(context: Context, carrier: unknown, setter: TextMapSetter): void {
    const spanContext = trace.getSpanContext(context);
    if (spanContext === undefined || !isSpanContextValid(spanContext)) return;
    if (isTracingSuppressed(context)) return;
    const traceFlags =
      (spanContext.traceFlags & SAMPLED_FLAG) |
      randomTraceIdFlag(context, spanContext, this.localTraceIdsAreRandom);
    setter.set(
      carrier,
      TRACEPARENT,
      formatTraceparent(spanContext.traceId, spanContext.spanId, traceFlags),
    );
    // An empty `tracestate` is accepted but SHOULD NOT be sent (§3.3.1.1).
    const tracestate = serializeTraceState(spanContext.traceState);
    if (tracestate !== '') setter.set(carrier, TRACESTATE, tracestate);
  }

  /**
   * The remote span context of a valid `traceparent`, with its `tracestate`
   * when that is valid. Without a valid `traceparent`, `tracestate` is not even
   * read (§3.3, §4.2 step 3, §4.3 step 2) and `context` comes back unchanged.
   */
  extract(context: Context, carrier: unknown, getter: TextMapGetter): Context {
    const traceparent = singleHeaderField(getter.get(carrier, TRACEPARENT));
    const parsed = traceparent === undefined ? undefined : parseTraceparent(traceparent);
    if (parsed === undefined) return context;
    const traceState = parseTraceState(combinedHeaderField(getter.get(carrier, TRACESTATE)));
    const spanContext: SpanContext = {
      traceId: parsed.traceId,
      spanId: parsed.spanId,
      traceFlags: parsed.traceFlags,
      isRemote: true,
      // A bad tracestate never affects traceparent (§3.3); an empty one is not kept.
      traceState: traceState === EMPTY_TRACE_STATE ? undefined : traceState,
    };
    const withParent = trace.setSpanContext(context, spanContext);
    return rememberIncomingRandomFlag(withParent, parsed.traceId, parsed.traceFlags);
  }

  fields(): string[] {
    return [TRACEPARENT, TRACESTATE];
  }
}
