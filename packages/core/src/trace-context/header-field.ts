// How a propagator reads an HTTP field value (RFC 7230 §3.2): one field or
// several combined, and the optional whitespace around it.

const SPACE = 0x20;
const TAB = 0x09;

/** What a `TextMapGetter` gives for one header name. */
export type HeaderFieldValue = string | string[] | undefined;

/**
 * The value of a header that must occur once (`traceparent`), or `undefined`
 * when it is missing or given as several values. Node joins repeated fields
 * with `, `; the parser then restarts the trace for version `00` (longer than 55
 * characters) and for a higher version without a `-` after its flags (W3C test
 * suite, test_traceparent_duplicated). What a higher version carries after its
 * flags is opaque (§3.2.4 "Versioning of traceparent"), commas included, so a
 * joined pair whose first field has extra fields reads as that first field.
 */
export function singleHeaderField(value: HeaderFieldValue): string | undefined {
  const field = Array.isArray(value) ? (value.length === 1 ? value[0] : undefined) : value;
  return typeof field === 'string' ? field : undefined;
}

/**
 * Several `tracestate` fields combined into one value in their order, joined
 * with commas (§3.3.1.1, RFC 7230 §3.2.2); `''` when there is none.
 */
export function combinedHeaderField(value: HeaderFieldValue): string {
  if (Array.isArray(value)) return value.join(',');
  return typeof value === 'string' ? value : '';
}

/** Optional whitespace (OWS) is spaces and horizontal tabs only (RFC 7230 §3.2.3). */
export function isOws(code: number): boolean {
  return code === SPACE || code === TAB;
}

/**
 * `value` without leading and trailing spaces and tabs. Not `String#trim`, which
 * also drops newlines and non-ASCII spaces the grammar rejects.
 */
export function trimOws(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && isOws(value.charCodeAt(start))) start++;
  while (end > start && isOws(value.charCodeAt(end - 1))) end--;
  return start === 0 && end === value.length ? value : value.slice(start, end);
}
