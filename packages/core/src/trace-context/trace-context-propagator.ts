import {
  createContextKey,
  isSpanContextValid,
  trace,
  type Context,
  type SpanContext,
  type TextMapGetter,
  type TextMapPropagator,
  type TextMapSetter,
} from '@opentelemetry/api';
import { resolveOptionsWith, rule, type OptionRules } from '../option-rules';
import { combinedHeaderField, singleHeaderField } from './header-field';
import {
  formatTraceparent,
  parseTraceparent,
  RANDOM_TRACE_ID_FLAG,
  SAMPLED_FLAG,
  TRACEPARENT_HEADER,
} from './traceparent';
import {
  EMPTY_TRACE_STATE,
  parseTraceState,
  serializeTraceState,
  TRACESTATE_HEADER,
} from './tracestate';

// The key `suppressTracing()` of @opentelemetry/core sets, e.g. around an
// exporter's own requests. createContextKey uses Symbol.for, so the same
// description gives the same key without depending on the SDK.
const SUPPRESS_TRACING = createContextKey('OpenTelemetry SDK Context Key SUPPRESS_TRACING');

/** Whether the SDK asked that nothing be traced (nor propagated) in `context`. */
function isTracingSuppressed(context: Context): boolean {
  return context.getValue(SUPPRESS_TRACING) === true;
}

/**
 * The random-trace-id flag as it arrived, with the trace id it came with. The
 * SDK builds every span's flags from its sampling decision alone (sampled or
 * not), so the `02` bit would be lost at the first local span; Level 2
 * §3.2.2.5.2 says a continued trace MUST send the flag exactly as received for
 * the same trace id, set or unset.
 */
interface IncomingRandomFlag {
  readonly traceId: string;
  readonly random: boolean;
}

const INCOMING_RANDOM_FLAG = createContextKey('otelware.traceContext.incomingRandomTraceIdFlag');

/** `context` remembering the random-trace-id flag of an extracted `traceparent`. */
function rememberIncomingRandomFlag(
  context: Context,
  traceId: string,
  traceFlags: number,
): Context {
  const incoming: IncomingRandomFlag = {
    traceId,
    random: (traceFlags & RANDOM_TRACE_ID_FLAG) !== 0,
  };
  return context.setValue(INCOMING_RANDOM_FLAG, incoming);
}

/**
 * The random-trace-id bit to send for `spanContext`: as received when this
 * process continues that trace; as the span context has it when it came from
 * another propagator (nothing is known about how that id was made); otherwise
 * the trace started here, and the bit says whether this process draws its trace
 * ids at random (`localTraceIdsAreRandom`).
 */
function randomTraceIdFlag(
  context: Context,
  spanContext: SpanContext,
  localTraceIdsAreRandom: boolean,
): number {
  const incoming = context.getValue(INCOMING_RANDOM_FLAG) as IncomingRandomFlag | undefined;
  if (incoming !== undefined && incoming.traceId === spanContext.traceId) {
    return incoming.random ? RANDOM_TRACE_ID_FLAG : 0;
  }
  if (spanContext.isRemote === true || (spanContext.traceFlags & RANDOM_TRACE_ID_FLAG) !== 0) {
    return spanContext.traceFlags & RANDOM_TRACE_ID_FLAG;
  }
  return localTraceIdsAreRandom ? RANDOM_TRACE_ID_FLAG : 0;
}

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
      TRACEPARENT_HEADER,
      formatTraceparent(spanContext.traceId, spanContext.spanId, traceFlags),
    );
    // An empty `tracestate` is accepted but SHOULD NOT be sent (§3.3.1.1).
    const tracestate = serializeTraceState(spanContext.traceState);
    if (tracestate !== '') setter.set(carrier, TRACESTATE_HEADER, tracestate);
  }

  /**
   * The remote span context of a valid `traceparent`, with its `tracestate`
   * when that is valid. Without a valid `traceparent`, `tracestate` is not even
   * read (§3.3, §4.2 step 3, §4.3 step 2) and `context` comes back unchanged.
   */
  extract(context: Context, carrier: unknown, getter: TextMapGetter): Context {
    const traceparent = singleHeaderField(getter.get(carrier, TRACEPARENT_HEADER));
    const parsed = traceparent === undefined ? undefined : parseTraceparent(traceparent);
    if (parsed === undefined) return context;
    const traceState = parseTraceState(combinedHeaderField(getter.get(carrier, TRACESTATE_HEADER)));
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
    return [TRACEPARENT_HEADER, TRACESTATE_HEADER];
  }
}
