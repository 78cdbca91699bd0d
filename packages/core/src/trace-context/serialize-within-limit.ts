/**
 * The `tracestate` length this implementation propagates: the 512 characters
 * vendors SHOULD propagate at least (Level 1 §3.3.1.5 "tracestate Limits").
 */
export const MAX_TRACESTATE_LENGTH = 512;

// Entries longer than this go first when the header is too long (§3.3.1.5).
const LONG_ENTRY_LENGTH = 128;

function join(keys: readonly string[], values: readonly string[], kept?: boolean[]): string {
  let header = '';
  for (let index = 0; index < keys.length; index++) {
    if (kept !== undefined && !kept[index]) continue;
    header += `${header === '' ? '' : ','}${keys[index]}=${values[index]}`;
  }
  return header;
}

/**
 * `key=value,...` in order, cut to at most `maxLength` characters by removing
 * whole entries as §3.3.1.5 asks: entries longer than 128 characters first, then
 * entries from the end. Both passes go right to left (the left-most entry is the
 * most recent participant) and stop as soon as the rest fits, so no entry is
 * dropped that did not have to be.
 */
export function serializeWithinLimit(
  keys: readonly string[],
  values: readonly string[],
  maxLength = MAX_TRACESTATE_LENGTH,
): string {
  const count = keys.length;
  const entryLengths = keys.map((key, index) => key.length + 1 + (values[index]?.length ?? 0));
  let length = count === 0 ? 0 : count - 1;
  for (const entryLength of entryLengths) length += entryLength;
  if (length <= maxLength) return join(keys, values);

  const kept = new Array<boolean>(count).fill(true);
  let remaining = count;
  const drop = (index: number, entryLength: number): void => {
    kept[index] = false;
    remaining--;
    length -= entryLength + (remaining > 0 ? 1 : 0);
  };
  for (let index = count - 1; index >= 0 && length > maxLength; index--) {
    const entryLength = entryLengths[index] ?? 0;
    if (entryLength > LONG_ENTRY_LENGTH) drop(index, entryLength);
  }
  for (let index = count - 1; index >= 0 && length > maxLength; index--) {
    if (kept[index]) drop(index, entryLengths[index] ?? 0);
  }
  return join(keys, values, kept);
}
