import { isNonZeroLowercaseHex, lowercaseHexByte } from './lowercase-hex';
import { trimOws } from './ows';
import { KNOWN_TRACE_FLAGS } from './trace-flags';

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
