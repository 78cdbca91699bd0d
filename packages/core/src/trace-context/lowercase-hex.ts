/** The value of a lowercase hex digit (`HEXDIGLC`), or -1 for any other character. */
export function lowercaseHexDigit(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30; // 0-9
  if (code >= 0x61 && code <= 0x66) return code - 0x57; // a-f
  return -1;
}

/** The byte written as two lowercase hex digits at `index`, or -1. */
export function lowercaseHexByte(text: string, index: number): number {
  const high = lowercaseHexDigit(text.charCodeAt(index));
  const low = lowercaseHexDigit(text.charCodeAt(index + 1));
  return high < 0 || low < 0 ? -1 : high * 16 + low;
}

/**
 * Whether `text[start, end)` is lowercase hex and not all zeros: the rule for
 * both `trace-id` and `parent-id` (§3.2.2.3, §3.2.2.4).
 */
export function isNonZeroLowercaseHex(text: string, start: number, end: number): boolean {
  let nonZero = false;
  for (let index = start; index < end; index++) {
    const digit = lowercaseHexDigit(text.charCodeAt(index));
    if (digit < 0) return false;
    if (digit !== 0) nonZero = true;
  }
  return nonZero;
}
