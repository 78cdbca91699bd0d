/** What a `TextMapGetter` gives for one header name. */
export type HeaderFieldValue = string | string[] | undefined;

/**
 * The value of a header that must occur once (`traceparent`), or `undefined`
 * when it is missing or repeated: as several values, or as one value that Node
 * joined with `, ` (the grammar has no comma). A repeated `traceparent` cannot
 * be told apart from a forged one, so the trace restarts (W3C test suite,
 * test_traceparent_duplicated).
 */
export function singleHeaderField(value: HeaderFieldValue): string | undefined {
  const field = Array.isArray(value) ? (value.length === 1 ? value[0] : undefined) : value;
  if (typeof field !== 'string' || field.includes(',')) return undefined;
  return field;
}

/**
 * Several `tracestate` fields combined into one value in their order, joined
 * with commas (§3.3.1.1, RFC 7230 §3.2.2); `''` when there is none.
 */
export function combinedHeaderField(value: HeaderFieldValue): string {
  if (Array.isArray(value)) return value.join(',');
  return typeof value === 'string' ? value : '';
}
