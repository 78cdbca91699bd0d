import { isOws } from './ows';
import { isTraceStateKey, isTraceStateValue } from './tracestate-grammar';
import { EMPTY_TRACE_STATE, MAX_LIST_MEMBERS, W3CTraceState } from './w3c-trace-state';

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
