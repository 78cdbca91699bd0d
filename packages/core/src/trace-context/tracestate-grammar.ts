// The list-member grammar of W3C Trace Context Level 1 §3.3.1.3, checked on a
// range of the header so the parser slices only members that are valid.

const MAX_KEY_LENGTH = 256; // simple-key = lcalpha 0*255(...)
const MAX_TENANT_ID_LENGTH = 241; // tenant-id = (lcalpha / DIGIT) 0*240(...)
const MAX_SYSTEM_ID_LENGTH = 14; // system-id = lcalpha 0*13(...)
const MAX_VALUE_LENGTH = 256; // value = 0*255(chr) nblk-chr
const AT_SIGN = 0x40;
const SPACE = 0x20;
const COMMA = 0x2c;
const EQUALS = 0x3d;

function isLowercaseLetter(code: number): boolean {
  return code >= 0x61 && code <= 0x7a;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** `lcalpha / DIGIT / "_" / "-" / "*" / "/"` */
function isKeyCharacter(code: number): boolean {
  return (
    isLowercaseLetter(code) ||
    isDigit(code) ||
    code === 0x5f || // _
    code === 0x2d || // -
    code === 0x2a || // *
    code === 0x2f // /
  );
}

/**
 * Whether `text[start, end)` is a `simple-key` (a letter first, up to 256
 * characters) or a `multi-tenant-key` `tenant-id@system-id` (tenant: a letter or
 * digit first, up to 241; system: a letter first, up to 14).
 */
export function isTraceStateKey(text: string, start: number, end: number): boolean {
  const length = end - start;
  if (length < 1 || length > MAX_KEY_LENGTH) return false;
  let atSign = -1;
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code === AT_SIGN && atSign === -1) atSign = index;
    else if (!isKeyCharacter(code)) return false;
  }
  const first = text.charCodeAt(start);
  if (atSign === -1) return isLowercaseLetter(first);
  const tenantLength = atSign - start;
  const systemLength = end - atSign - 1;
  return (
    tenantLength >= 1 &&
    tenantLength <= MAX_TENANT_ID_LENGTH &&
    (isLowercaseLetter(first) || isDigit(first)) &&
    systemLength >= 1 &&
    systemLength <= MAX_SYSTEM_ID_LENGTH &&
    isLowercaseLetter(text.charCodeAt(atSign + 1))
  );
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
