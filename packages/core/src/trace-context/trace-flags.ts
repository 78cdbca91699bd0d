/**
 * The Level 2 random-trace-id flag (`02`): at least the right-most 7 bytes of the
 * trace id are random (W3C Trace Context Level 2 §3.2.2.5.2). `@opentelemetry/api`
 * 1.9 has no `TraceFlags` member for it.
 */
export const RANDOM_TRACE_ID_FLAG = 0x02;

/** The sampled flag (`01`), §3.2.2.5.1; the same bit as `TraceFlags.SAMPLED`. */
export const SAMPLED_FLAG = 0x01;

/**
 * The flags this implementation knows. Every other bit is reserved and is sent
 * as zero (§3.2.2.5.3 "Other Flags"; §4.3 for higher versions).
 */
export const KNOWN_TRACE_FLAGS = SAMPLED_FLAG | RANDOM_TRACE_ID_FLAG;
