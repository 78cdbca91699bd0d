const SPACE = 0x20;
const TAB = 0x09;

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
