import { firstListEntry, nodeAddress, parseForwarded, parseHost } from '../src/forwarded';

describe('parseForwarded', () => {
  it('reads for, host and proto from a single element', () => {
    expect(parseForwarded('for=192.0.2.60;proto=https;host=example.com')).toEqual({
      for: '192.0.2.60',
      proto: 'https',
      host: 'example.com',
    });
  });

  it('unquotes a quoted IPv6 node with a port', () => {
    expect(parseForwarded('for="[2001:db8::1]:4711"')).toEqual({ for: '[2001:db8::1]:4711' });
  });

  it('unescapes a backslash-escaped character inside a quoted value', () => {
    expect(parseForwarded('host="ex\\"ample.com"')).toEqual({ host: 'ex"ample.com' });
  });

  it('keeps commas and semicolons that are inside a quoted value', () => {
    expect(parseForwarded('for="_a,b;c";proto=https')).toEqual({ for: '_a,b;c', proto: 'https' });
  });

  it('reads only the first element when several are sent', () => {
    expect(parseForwarded('for=192.0.2.43, for=198.51.100.17;proto=https;host=b.example')).toEqual({
      for: '192.0.2.43',
    });
  });

  it('matches parameter names case-insensitively', () => {
    expect(parseForwarded('For=192.0.2.60;PROTO=https;Host=example.com')).toEqual({
      for: '192.0.2.60',
      proto: 'https',
      host: 'example.com',
    });
  });

  it('skips whitespace around pairs', () => {
    expect(parseForwarded(' for=192.0.2.60 ;\tproto=http')).toEqual({
      for: '192.0.2.60',
      proto: 'http',
    });
  });

  it('ignores parameters it does not read, such as by', () => {
    expect(parseForwarded('by=203.0.113.43;for=192.0.2.60')).toEqual({ for: '192.0.2.60' });
  });

  it('keeps the first value of a parameter repeated within an element', () => {
    expect(parseForwarded('for=192.0.2.60;for=198.51.100.17')).toEqual({ for: '192.0.2.60' });
  });

  it.each([
    ['an empty header', '', {}],
    ['separators only', ';;,', {}],
    ['equals signs without names', '=;=,', {}],
    ['an unknown bare token', 'garbage', {}],
    ['a quoted parameter name', '"for"=192.0.2.60', {}],
    ['an unterminated quoted value', 'for="192.0.2.60', { for: '192.0.2.60' }],
    ['a trailing backslash inside quotes', 'for="192.0.2.60\\', { for: '192.0.2.60' }],
    [
      'garbage after a closing quote',
      'for="192.0.2.60"junk;proto=https',
      { for: '192.0.2.60', proto: 'https' },
    ],
  ])('reads what it can from %s without throwing', (_case, header, expected) => {
    expect(parseForwarded(header)).toEqual(expected);
  });
});

describe('firstListEntry', () => {
  it('returns the first comma-separated entry, trimmed', () => {
    expect(firstListEntry(' 203.0.113.195 , 70.41.3.18, 150.172.238.178')).toBe('203.0.113.195');
  });

  it('returns a single entry as it is', () => {
    expect(firstListEntry('https')).toBe('https');
  });

  it('returns undefined for a missing header', () => {
    expect(firstListEntry(undefined)).toBeUndefined();
  });

  it('returns undefined when the first entry is empty', () => {
    expect(firstListEntry(' , 70.41.3.18')).toBeUndefined();
  });
});

describe('nodeAddress', () => {
  it('returns undefined for the unknown form', () => {
    expect(nodeAddress('unknown')).toBeUndefined();
  });

  it('returns undefined for the unknown form with a port', () => {
    expect(nodeAddress('unknown:4711')).toBeUndefined();
  });

  it('returns undefined for the unknown form in upper case (RFC 7239 ABNF strings are case-insensitive)', () => {
    expect(nodeAddress('UNKNOWN')).toBeUndefined();
  });

  it('returns undefined for an obfuscated node', () => {
    expect(nodeAddress('_hidden')).toBeUndefined();
  });

  it('returns undefined for a missing or empty node', () => {
    expect([nodeAddress(undefined), nodeAddress('')]).toEqual([undefined, undefined]);
  });

  it('returns an IPv4 address as it is', () => {
    expect(nodeAddress('192.0.2.60')).toBe('192.0.2.60');
  });

  it('removes the port from an IPv4 node', () => {
    expect(nodeAddress('192.0.2.60:4711')).toBe('192.0.2.60');
  });

  it('removes an obfuscated port from an IPv4 node', () => {
    expect(nodeAddress('192.0.2.60:_port')).toBe('192.0.2.60');
  });

  it('removes brackets and port from an IPv6 node', () => {
    expect(nodeAddress('[2001:db8::1]:4711')).toBe('2001:db8::1');
  });

  it('removes brackets from an IPv6 node without a port', () => {
    expect(nodeAddress('[2001:db8::1]')).toBe('2001:db8::1');
  });

  it('returns a bare IPv6 address as it is', () => {
    expect(nodeAddress('2001:db8::1')).toBe('2001:db8::1');
  });

  it('returns undefined for an IPv6 node without its closing bracket', () => {
    expect(nodeAddress('[2001:db8::1')).toBeUndefined();
  });
});

describe('parseHost', () => {
  it('splits a bracketed IPv6 host and port', () => {
    expect(parseHost('[::1]:8080')).toEqual({ address: '::1', port: 8080 });
  });

  it('removes the brackets from an IPv6 host without a port', () => {
    expect(parseHost('[::1]')).toEqual({ address: '::1', port: undefined });
  });

  it('returns a name without a port as it is', () => {
    expect(parseHost('example.com')).toEqual({ address: 'example.com', port: undefined });
  });

  it('splits a name and port', () => {
    expect(parseHost('example.com:8443')).toEqual({ address: 'example.com', port: 8443 });
  });

  it('accepts the highest port, 65535', () => {
    expect(parseHost('example.com:65535')).toEqual({ address: 'example.com', port: 65535 });
  });

  it('keeps an unclosed bracketed host whole, without a port', () => {
    expect(parseHost('[::1:8080')).toEqual({ address: '[::1:8080', port: undefined });
  });

  it.each([
    ['empty', 'example.com:'],
    ['zero', 'example.com:0'],
    ['above 65535', 'example.com:65536'],
    ['negative', 'example.com:-1'],
    ['not a number', 'example.com:http'],
    ['fractional', 'example.com:80.5'],
    ['hexadecimal', 'example.com:0x50'],
    ['in exponent notation', 'example.com:8e1'],
    ['signed', 'example.com:+80'],
    ['padded with spaces', 'example.com: 80'],
  ])('drops a port that is %s', (_case, host) => {
    expect(parseHost(host)).toEqual({ address: 'example.com', port: undefined });
  });

  it('drops a bad port after a bracketed IPv6 host', () => {
    expect(parseHost('[::1]:http')).toEqual({ address: '::1', port: undefined });
  });
});
