import { parseTraceState } from '../../src/trace-context/tracestate';

// Decisions on incoming `tracestate`, each with the section of W3C Trace Context
// Level 2 that grounds it. "discarded" = parseTraceState gives undefined: the
// whole header is dropped.

function serialized(header: string): string | undefined {
  return parseTraceState(header)?.serialize();
}

describe('parseTraceState: the specification examples', () => {
  it.each([
    ['§3.1', 'congo=t61rcWkgMzE'],
    ['§3.1', 'rojo=00f067aa0ba902b7,congo=t61rcWkgMzE'],
    ['§3.1', 'congo=ucfJifl5GOE,rojo=00f067aa0ba902b7'],
    ['§3.3.2', 'rojo=00f067aa0ba902b7'],
    ['§3.3.1.2', 'vendorname1=opaqueValue1,vendorname2=opaqueValue2'],
    ['"Key": a key with "@"', 'fw529a3039@dt=CgQIARAB'],
  ])('keeps %s %s as it is', (_section, header) => {
    expect(serialized(header)).toBe(header);
  });

  it('reads each value by its key', () => {
    const state = parseTraceState('rojo=00f067aa0ba902b7,congo=t61rcWkgMzE');
    expect(state?.get('rojo')).toBe('00f067aa0ba902b7');
    expect(state?.get('congo')).toBe('t61rcWkgMzE');
    expect(state?.get('missing')).toBeUndefined();
  });
});

describe('parseTraceState: what is skipped, not discarded (§3.3.1.1)', () => {
  it.each([
    ['an empty header ("Vendors MUST accept empty tracestate headers")', '', ''],
    ['a whitespace-only header', ' \t ', ''],
    ['empty list-members', 'foo=1,,bar=2', 'foo=1,bar=2'],
    ['a trailing comma', 'foo=1,', 'foo=1'],
    ['a leading comma', ',foo=1', 'foo=1'],
    ['a whitespace-only member', 'foo=1, \t ,bar=2', 'foo=1,bar=2'],
    [
      'OWS around members (W3C test_tracestate_ows_handling)',
      'foo=1 \t , \t bar=2, \t baz=3',
      'foo=1,bar=2,baz=3',
    ],
    ['trailing spaces and tabs of a value (OWS, not value)', 'foo=1 \t', 'foo=1'],
  ])('%s', (_name, header, expected) => {
    expect(serialized(header)).toBe(expected);
  });

  it('keeps the leading spaces of a value: chr includes 0x20 (§3.3.1.3.2)', () => {
    expect(parseTraceState('foo=  1')?.get('foo')).toBe('  1');
  });

  it('does not count empty members towards the 32 (they come from joining fields, §3.3.1.1)', () => {
    const members = Array.from({ length: 32 }, (_, index) => `k${index}=v`).join(',,');
    expect(parseTraceState(`${members},`)?.serialize().split(',')).toHaveLength(32);
  });
});

describe('parseTraceState: keys ("Key": key = ( lcalpha / DIGIT ) 0*255 ( keychar ))', () => {
  it.each([
    ['"@" at the end', 'foo@=1'],
    ['"@@" inside', 'foo@@bar=1'],
    ['two "@"', 'foo@bar@baz=1'],
    ['a digit first', '1foo=1'],
    ['a digit first, with "@"', '1tenant@vendor=1'],
    ['a digit right after "@"', 't@1v=1'],
    ['242 characters before "@" (no 241-character tenant limit)', `${'t'.repeat(242)}@v=1`],
    ['15 characters after "@" (no 14-character system limit)', `t@${'v'.repeat(15)}=1`],
    ['256 characters', `${'z'.repeat(256)}=1`],
    ['256 characters with "@"', `${'t'.repeat(241)}@${'v'.repeat(14)}=1`],
    ['every key character', 'abcdefghijklmnopqrstuvwxyz0123456789_-*/@=1'],
  ])('keeps a key with %s', (_name, header) => {
    expect(serialized(header)).toBe(header);
  });

  it.each([
    ['"@" first', '@foo=1,bar=2'],
    ['"_" first', '_foo=1'],
    ['a "." in it', 'foo.bar=1'],
    ['an uppercase letter (lcalpha)', 'FOO=1'],
    ['257 characters', `${'z'.repeat(257)}=1`],
    ['257 characters with "@"', `${'t'.repeat(242)}@${'v'.repeat(14)}=1`],
    ['a space before "="', 'foo =1'],
  ])('discards the header for a key with %s', (_name, header) => {
    expect(parseTraceState(header)).toBeUndefined();
  });
});

describe('parseTraceState: duplicate keys ("Combined Header Value": not a reason to drop the header)', () => {
  it.each([
    ['the same entry twice (W3C test_tracestate_duplicated_keys)', 'foo=1,foo=1', 'foo=1'],
    ['the same key with another value', 'foo=1,foo=2', 'foo=1'],
    ['a duplicate further right', 'foo=1,bar=2,foo=3', 'foo=1,bar=2'],
    ['duplicates of several keys', 'a=1,b=2,b=3,a=4,c=5', 'a=1,b=2,c=5'],
    ['a duplicate key with "@"', 'x@y=1,z=2,x@y=3', 'x@y=1,z=2'],
  ])('keeps only the left-most entry of a key, where it stands: %s', (_name, header, expected) => {
    expect(serialized(header)).toBe(expected);
  });

  it('reads a duplicated key as its left-most value (its most recent position)', () => {
    expect(parseTraceState('foo=1,bar=2,foo=3')?.get('foo')).toBe('1');
  });

  it('counts duplicates as list-members: 33 discards the header (§3.3.1.1 "maximum of 32")', () => {
    const header = Array.from({ length: 33 }, () => 'foo=1').join(',');
    expect(parseTraceState(header)).toBeUndefined();
  });

  it('still discards the header when a duplicate member is itself invalid', () => {
    expect(parseTraceState('foo=1,foo=')).toBeUndefined();
  });
});

describe('parseTraceState: what discards the whole header (§4.3 step 3 "MAY discard the entire header")', () => {
  it.each([
    ['a member without "="', 'foo=1,bar'],
    ['an empty key', '=1,bar=2'],
    ['an empty value ("Value" needs one nblk-chr)', 'foo=,bar=3'],
    ['a value with "="', 'foo=bar=baz'],
    ['a value of 257 characters', `foo=${'x'.repeat(257)}`],
    ['a tab inside a value', 'foo=a\tb'],
    ['a non-ASCII character in a value', 'foo=caf\u00e9'],
    ['a no-break space after a value (not OWS)', 'foo=1\u00a0'],
    [
      'a 33rd list-member (§3.3.1.1 "maximum of 32")',
      Array.from({ length: 33 }, (_, i) => `k${i}=v`).join(','),
    ],
  ])('%s', (_name, header) => {
    expect(parseTraceState(header)).toBeUndefined();
  });
});

describe('parseTraceState: the limits themselves are allowed', () => {
  it.each([
    ['a value of 256 characters', `foo=${'x'.repeat(256)}`],
    [
      'every value character (W3C test_tracestate_all_allowed_characters)',
      `foo=${allValueCharacters()}`,
    ],
    ['32 list-members', Array.from({ length: 32 }, (_, i) => `k${i}=v`).join(',')],
  ])('%s', (_name, header) => {
    expect(serialized(header)).toBe(header);
  });
});

function allValueCharacters(): string {
  let value = '';
  for (let code = 0x20; code <= 0x7e; code++) {
    if (code !== 0x2c && code !== 0x3d) value += String.fromCharCode(code);
  }
  return value;
}
