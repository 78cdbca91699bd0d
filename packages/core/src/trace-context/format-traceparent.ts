import { KNOWN_TRACE_FLAGS } from './trace-flags';

// The known flags fit one hex digit, so the two-digit field is a table lookup.
const FLAGS_FIELD = ['00', '01', '02', '03'];

/**
 * A version `00` `traceparent`: the only version this implementation knows, so
 * also what a higher version is downgraded to (§3.2.4, §3.4 "Downgrade the
 * version"). Unknown flag bits are sent as zero (§3.2.2.5.3).
 */
export function formatTraceparent(traceId: string, spanId: string, traceFlags: number): string {
  return `00-${traceId}-${spanId}-${FLAGS_FIELD[traceFlags & KNOWN_TRACE_FLAGS]}`;
}
