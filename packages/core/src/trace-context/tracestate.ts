// The `tracestate` header (W3C Trace Context Level 2 §3.3): the list-member
// grammar, parsing a combined header into a W3CTraceState, and the value sent
// for any TraceState. The 512-character cut is serialize-within-limit.ts.

import type { TraceState } from '@opentelemetry/api';
import { isOws } from './header-field';
import { serializeWithinLimit } from './serialize-within-limit';

/** The request header that carries vendor-specific trace data (§3.3). */
export const TRACESTATE_HEADER = 'tracestate';

/** A `list` holds at most 32 list-members (§3.3.1.1). */
const MAX_LIST_MEMBERS = 32;

// The list-member grammar ("Key", "Value"), checked on a range of the header so
// the parser slices only members that are valid.
const MAX_KEY_LENGTH = 256; // key = ( lcalpha / DIGIT ) 0*255 ( keychar )
const MAX_VALUE_LENGTH = 256; // value = 0*255(chr) nblk-chr
const SPACE = 0x20;
const COMMA = 0x2c;
const EQUALS = 0x3d;

function isLowercaseLetterOrDigit(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
}

/** `keychar = lcalpha / DIGIT / "_" / "-" / "*" / "/" / "@"` */
function isKeyCharacter(code: number): boolean {
  return (
    isLowercaseLetterOrDigit(code) ||
    code === 0x5f || // _
    code === 0x2d || // -
    code === 0x2a || // *
    code === 0x2f || // /
    code === 0x40 // @
  );
}

/**
 * Whether `text[start, end)` is a `key`: a lowercase letter or a digit, then up
 * to 255 `keychar`s. Level 2 has no separate `tenant@system` form: `@` is a key
 * character like the others, anywhere after the first, any number of times.
 */
function isTraceStateKey(text: string, start: number, end: number): boolean {
  const length = end - start;
  if (length < 1 || length > MAX_KEY_LENGTH) return false;
  if (!isLowercaseLetterOrDigit(text.charCodeAt(start))) return false;
  for (let index = start + 1; index < end; index++) {
    if (!isKeyCharacter(text.charCodeAt(index))) return false;
  }
  return true;
}

/**
 * Whether `text[start, end)` is a `value`: 1 to 256 printable ASCII characters
 * (0x20-0x7E) other than `,` and `=`, not ending in a space (§3.3.1.3.2). Tabs
 * and non-ASCII characters are not allowed; leading spaces are part of it.
 */
function isTraceStateValue(text: string, start: number, end: number): boolean {
  const length = end - start;
  if (length < 1 || length > MAX_VALUE_LENGTH) return false;
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code < SPACE || code > 0x7e || code === COMMA || code === EQUALS) return false;
  }
  return text.charCodeAt(end - 1) !== SPACE;
}

/**
 * An immutable, spec-exact `TraceState`: every change returns a new instance;
 * `set` refuses a key or value outside the grammar, puts the entry first (§3.5
 * "Mutating the tracestate Field") and, at 32 members, drops the right-most one
 * (Level 2 §3.3.2); `serialize` keeps to 512 characters (§3.3.1.5).
 */
export class W3CTraceState implements TraceState {
  private serialized: string | undefined;

  /** `keys` and `values` left to right as in the header, already valid and unique. */
  constructor(
    private readonly keys: readonly string[],
    private readonly values: readonly string[],
  ) {}

  get(key: string): string | undefined {
    const index = this.keys.indexOf(key);
    return index === -1 ? undefined : this.values[index];
  }

  set(key: string, value: string): W3CTraceState {
    if (!isTraceStateKey(key, 0, key.length) || !isTraceStateValue(value, 0, value.length)) {
      return this;
    }
    const keys = [key];
    const values = [value];
    this.keys.forEach((other, index) => {
      if (other === key || keys.length === MAX_LIST_MEMBERS) return;
      keys.push(other);
      values.push(this.values[index] as string);
    });
    return new W3CTraceState(keys, values);
  }

  unset(key: string): W3CTraceState {
    const index = this.keys.indexOf(key);
    if (index === -1) return this;
    return new W3CTraceState(
      this.keys.filter((_, at) => at !== index),
      this.values.filter((_, at) => at !== index),
    );
  }

  serialize(): string {
    this.serialized ??= serializeWithinLimit(this.keys, this.values);
    return this.serialized;
  }
}

/** The state with no entries, shared: it is immutable. */
export const EMPTY_TRACE_STATE = new W3CTraceState([], []);

/**
 * Parses a combined `tracestate` value. Empty and whitespace-only list-members
 * (so also trailing commas and empty fields) are skipped, as §3.3.1.1 allows them.
 * A key that occurs more than once keeps only its left-most entry, where it
 * stands: that is the most recent position of that vendor (mutated keys move to
 * the left, "Mutating the tracestate Field"), one entry per key is what
 * "Combined Header Value" asks to send, and Level 2 lets a vendor discard
 * duplicates of keys it did not generate. Anything else outside the `list`
 * grammar gives `undefined`: the whole header is discarded (§4.3 step 3 allows
 * discarding the entire header; the W3C test suite expects exactly that at its
 * strict level). That covers a member without `=`, a bad key or value and a 33rd
 * list-member (§3.3.1.1; duplicates count, they are list-members). A header that
 * is half kept would hand the left-most position, which names the system that
 * wrote `traceparent`, to someone else.
 */
export function parseTraceState(header: string): W3CTraceState | undefined {
  if (header === '') return EMPTY_TRACE_STATE; // the common case: no tracestate at all
  const keys: string[] = [];
  const values: string[] = [];
  let members = 0;
  let memberStart = 0;
  while (memberStart <= header.length) {
    let memberEnd = header.indexOf(',', memberStart);
    if (memberEnd === -1) memberEnd = header.length;
    let start = memberStart;
    let end = memberEnd;
    while (start < end && isOws(header.charCodeAt(start))) start++;
    while (end > start && isOws(header.charCodeAt(end - 1))) end--;
    if (start < end) {
      const equals = header.indexOf('=', start);
      if (equals === -1 || equals >= end) return undefined;
      if (!isTraceStateKey(header, start, equals)) return undefined;
      if (!isTraceStateValue(header, equals + 1, end)) return undefined;
      if (members === MAX_LIST_MEMBERS) return undefined;
      members++;
      const key = header.slice(start, equals);
      if (!keys.includes(key)) {
        keys.push(key);
        values.push(header.slice(equals + 1, end));
      }
    }
    memberStart = memberEnd + 1;
  }
  return keys.length === 0 ? EMPTY_TRACE_STATE : new W3CTraceState(keys, values);
}

/**
 * The `tracestate` value to send for `traceState`, `''` for none. A state from
 * elsewhere (a sampler using the API's `createTraceState`, whose `set` checks
 * nothing and whose length limit drops everything) goes through the same parser
 * and limit as an incoming header, so only a valid header leaves this process.
 */
export function serializeTraceState(traceState: TraceState | undefined): string {
  if (traceState === undefined) return '';
  if (traceState instanceof W3CTraceState) return traceState.serialize();
  return parseTraceState(traceState.serialize())?.serialize() ?? '';
}

/**
 * A spec-exact `TraceState`, a drop-in for the API's `createTraceState`: from a
 * `tracestate` header value, or empty when `header` is missing or invalid (an
 * invalid header is discarded whole, like an incoming one).
 *
 * @example
 * const state = createW3CTraceState('rojo=00f067aa0ba902b7').set('congo', 't61rcWkgMzE');
 * state.serialize(); // 'congo=t61rcWkgMzE,rojo=00f067aa0ba902b7'
 */
export function createW3CTraceState(header?: string): TraceState {
  return (header === undefined ? undefined : parseTraceState(header)) ?? EMPTY_TRACE_STATE;
}
