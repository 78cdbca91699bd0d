/**
 * The longest string otelware records from what a request or call brings (URL
 * parts, header values, addresses, the method as sent), in UTF-16 code units.
 * 8 KiB keeps every real URL and header whole (servers refuse longer request
 * lines by default) while a hostile 1 MB path or header costs a span 8 KiB, not 1 MB.
 */
export const MAX_ATTRIBUTE_LENGTH = 8192;

/** `value` cut to `MAX_ATTRIBUTE_LENGTH`, never splitting a surrogate pair. */
export function capLength(value: string): string {
  if (value.length <= MAX_ATTRIBUTE_LENGTH) return value;
  const last = value.charCodeAt(MAX_ATTRIBUTE_LENGTH - 1);
  const isHighSurrogate = last >= 0xd800 && last <= 0xdbff;
  return value.slice(0, isHighSurrogate ? MAX_ATTRIBUTE_LENGTH - 1 : MAX_ATTRIBUTE_LENGTH);
}
