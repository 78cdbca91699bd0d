// The `traceparent` header (W3C Trace Context §3.2): its flags, reading it by
// the processing model and writing it as version `00`. `traceresponse` has the
// same format (see trace-response.ts).

import { trimOws } from './header-field';

/** The request header that carries the caller's span (§3.2). */
export const TRACEPARENT_HEADER = 'traceparent';

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
const KNOWN_TRACE_FLAGS = SAMPLED_FLAG | RANDOM_TRACE_ID_FLAG;

/** The fields of a valid `traceparent`, flags reduced to the known bits. */
export interface Traceparent {
  readonly traceId: string;
  readonly spanId: string;
  readonly traceFlags: number;
}

// Fixed offsets of `version "-" trace-id "-" parent-id "-" trace-flags` (§3.2.2);
// a higher version is read at the same offsets (§3.2.4).
const DASH = 0x2d;
const TRACE_ID_START = 3;
const PARENT_ID_START = 36;
const FLAGS_START = 53;
const VERSION_00_LENGTH = 55;
const INVALID_VERSION = 0xff;

/** The value of a lowercase hex digit (`HEXDIGLC`), or -1 for any other character. */
function lowercaseHexDigit(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30; // 0-9
  if (code >= 0x61 && code <= 0x66) return code - 0x57; // a-f
  return -1;
}

/** The byte written as two lowercase hex digits at `index`, or -1. */
function lowercaseHexByte(text: string, index: number): number {
  const high = lowercaseHexDigit(text.charCodeAt(index));
  const low = lowercaseHexDigit(text.charCodeAt(index + 1));
  return high < 0 || low < 0 ? -1 : high * 16 + low;
}

/**
 * Whether `text[start, end)` is lowercase hex and not all zeros: the rule for
 * both `trace-id` and `parent-id` (§3.2.2.3, §3.2.2.4).
 */
function isNonZeroLowercaseHex(text: string, start: number, end: number): boolean {
  let nonZero = false;
  for (let index = start; index < end; index++) {
    const digit = lowercaseHexDigit(text.charCodeAt(index));
    if (digit < 0) return false;
    if (digit !== 0) nonZero = true;
  }
  return nonZero;
}

function hasDashesAtFieldEnds(value: string): boolean {
  return (
    value.charCodeAt(TRACE_ID_START - 1) === DASH &&
    value.charCodeAt(PARENT_ID_START - 1) === DASH &&
    value.charCodeAt(FLAGS_START - 1) === DASH
  );
}

/**
 * Parses one `traceparent` field value by the processing model (§4.3, §3.2.4),
 * or gives `undefined` when the trace must be restarted: not lowercase hex,
 * version `ff`, an all-zero id, version `00` not exactly 55 characters, or a
 * higher version shorter than 55 characters or with its flags not followed by
 * the end or a `-`. Of a higher version only what §3.2.4 lists is checked: what
 * follows the dash after its flags is opaque, whatever bytes it holds, and is
 * not read. Flags other than sampled and random-trace-id are dropped.
 */
export function parseTraceparent(header: string): Traceparent | undefined {
  // Leading and trailing OWS is not part of a field value (RFC 7230 §3.2.4); the
  // W3C test suite sends it (test_traceparent_ows_handling).
  const value = trimOws(header);
  if (value.length < VERSION_00_LENGTH) return undefined;
  const version = lowercaseHexByte(value, 0);
  if (version < 0 || version === INVALID_VERSION) return undefined;
  if (version === 0 && value.length !== VERSION_00_LENGTH) return undefined;
  if (value.length > VERSION_00_LENGTH && value.charCodeAt(VERSION_00_LENGTH) !== DASH) {
    return undefined;
  }
  if (!hasDashesAtFieldEnds(value)) return undefined;
  if (!isNonZeroLowercaseHex(value, TRACE_ID_START, PARENT_ID_START - 1)) return undefined;
  if (!isNonZeroLowercaseHex(value, PARENT_ID_START, FLAGS_START - 1)) return undefined;
  const flags = lowercaseHexByte(value, FLAGS_START);
  if (flags < 0) return undefined;
  return {
    traceId: value.slice(TRACE_ID_START, PARENT_ID_START - 1),
    spanId: value.slice(PARENT_ID_START, FLAGS_START - 1),
    traceFlags: flags & KNOWN_TRACE_FLAGS,
  };
}

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
