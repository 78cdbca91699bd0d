import { parseTraceState } from '../../src/trace-context/parse-tracestate';

// Decisions on incoming `tracestate`, each with the section that grounds it.
// "discarded" = parseTraceState gives undefined: the whole header is dropped.

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
    ['§3.3.1.3.1 multi-tenant key', 'fw529a3039@dt=CgQIARAB'],
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

describe('parseTraceState: what discards the whole header (§4.3 step 3 "MAY discard the entire header")', () => {
  it.each([
    ['a duplicate key (§3.3.1.4 "Only one entry per key")', 'foo=1,foo=1'],
    ['a duplicate key with another value', 'foo=1,bar=2,foo=3'],
    ['a member without "="', 'foo=1,bar'],
    ['an uppercase key (§3.3.1.3.1 lcalpha)', 'FOO=1'],
    ['a space inside the member before "="', 'foo =1'],
    ['a "." in the key', 'foo.bar=1'],
    ['a simple key starting with a digit', '1foo=1'],
    ['a key of 257 characters', `${'z'.repeat(257)}=1`],
    ['a tenant id of 242 characters', `${'t'.repeat(242)}@v=1`],
    ['a system id of 15 characters', `t@${'v'.repeat(15)}=1`],
    ['a system id starting with a digit', 't@1v=1'],
    ['an empty tenant id', '@foo=1,bar=2'],
    ['an empty system id', 'foo@=1,bar=2'],
    ['two "@"', 'foo@bar@baz=1,bar=2'],
    ['"@@"', 'foo@@bar=1,bar=2'],
    ['an empty value (§3.3.1.3.2 needs one nblk-chr)', 'foo=,bar=3'],
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
    ['a simple key of 256 characters', `${'z'.repeat(256)}=1`],
    [
      'a tenant id of 241 and a system id of 14 characters',
      `${'t'.repeat(241)}@${'v'.repeat(14)}=1`,
    ],
    ['a tenant id starting with a digit', '1tenant@vendor=1'],
    ['every key character', 'abcdefghijklmnopqrstuvwxyz0123456789_-*/=1'],
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
