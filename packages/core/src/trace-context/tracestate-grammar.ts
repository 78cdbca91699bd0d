// The list-member grammar of W3C Trace Context Level 2 ("Key", "Value"), checked
// on a range of the header so the parser slices only members that are valid.

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
export function isTraceStateKey(text: string, start: number, end: number): boolean {
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
export function isTraceStateValue(text: string, start: number, end: number): boolean {
  const length = end - start;
  if (length < 1 || length > MAX_VALUE_LENGTH) return false;
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code < SPACE || code > 0x7e || code === COMMA || code === EQUALS) return false;
  }
  return text.charCodeAt(end - 1) !== SPACE;
}
