import { createContextKey, type Context, type SpanContext } from '@opentelemetry/api';
import { RANDOM_TRACE_ID_FLAG } from './trace-flags';

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
export function rememberIncomingRandomFlag(
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
export function randomTraceIdFlag(
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
