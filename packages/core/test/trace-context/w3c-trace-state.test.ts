import { createW3CTraceState } from '../../src';

// The TraceState a propagator hands to the SDK: immutable, §3.5 mutations,
// §3.3.1.5 limits.

describe('W3CTraceState mutations (§3.5 "Mutating the tracestate Field")', () => {
  it('puts a new key first (§3.1: Rojo adds its entry to the left)', () => {
    const state = createW3CTraceState('congo=t61rcWkgMzE').set('rojo', '00f067aa0ba902b7');
    expect(state.serialize()).toBe('rojo=00f067aa0ba902b7,congo=t61rcWkgMzE');
  });

  it('moves an updated key first and keeps the others in order (§3.1: Congo again)', () => {
    const state = createW3CTraceState('rojo=00f067aa0ba902b7,congo=t61rcWkgMzE').set(
      'congo',
      'ucfJifl5GOE',
    );
    expect(state.serialize()).toBe('congo=ucfJifl5GOE,rojo=00f067aa0ba902b7');
  });

  it('deletes a key and keeps the order of the rest', () => {
    const state = createW3CTraceState('a=1,b=2,c=3').unset('b');
    expect(state.serialize()).toBe('a=1,c=3');
    expect(state.get('b')).toBeUndefined();
  });

  it('never changes the state it was called on', () => {
    const original = createW3CTraceState('a=1,b=2');
    original.set('c', '3');
    original.set('a', '9');
    original.unset('b');
    expect(original.serialize()).toBe('a=1,b=2');
  });

  it('refuses a key or value outside the grammar (§3.3.1.3) instead of sending a broken header', () => {
    const state = createW3CTraceState('a=1');
    expect(state.set('BAD KEY', 'x').serialize()).toBe('a=1');
    expect(state.set('ok', 'x,y').serialize()).toBe('a=1');
    expect(state.set('ok', '').serialize()).toBe('a=1');
    expect(state.set('ok', 'ends with space ').serialize()).toBe('a=1');
  });

  it('drops the right-most member when a 33rd would be added (Level 2 §3.3.2)', () => {
    const full = createW3CTraceState(Array.from({ length: 32 }, (_, i) => `k${i}=v`).join(','));
    const state = full.set('new', 'v');
    const keys = state.serialize().split(',');
    expect(keys).toHaveLength(32);
    expect(keys[0]).toBe('new=v');
    expect(state.get('k31')).toBeUndefined();
    expect(state.get('k30')).toBe('v');
  });

  it('is empty for no header, an empty header or an invalid one', () => {
    expect(createW3CTraceState().serialize()).toBe('');
    expect(createW3CTraceState('').serialize()).toBe('');
    expect(createW3CTraceState('foo=1,FOO=2').serialize()).toBe('');
  });
});

describe('W3CTraceState with duplicate keys ("Combined Header Value", "Mutating the tracestate Field")', () => {
  const duplicated = 'foo=1,bar=2,foo=3,baz=4';

  it('gets the left-most value of a duplicated key', () => {
    expect(createW3CTraceState(duplicated).get('foo')).toBe('1');
  });

  it('serializes one entry per key, each where its left-most entry stood', () => {
    expect(createW3CTraceState(duplicated).serialize()).toBe('foo=1,bar=2,baz=4');
  });

  it('sets a duplicated key once, first, and removes its older entries', () => {
    expect(createW3CTraceState(duplicated).set('foo', '9').serialize()).toBe('foo=9,bar=2,baz=4');
  });

  it('updates another key without bringing back a removed duplicate', () => {
    expect(createW3CTraceState(duplicated).set('baz', '5').serialize()).toBe('baz=5,foo=1,bar=2');
  });

  it('unsets every entry of a duplicated key', () => {
    const state = createW3CTraceState(duplicated).unset('foo');
    expect(state.serialize()).toBe('bar=2,baz=4');
    expect(state.get('foo')).toBeUndefined();
  });

  it('sets a Level 2 key ("Key": a digit first, "@" anywhere)', () => {
    const state = createW3CTraceState('a=1').set('1x@y@z', 'v');
    expect(state.serialize()).toBe('1x@y@z=v,a=1');
  });

  it('applies the 512-character limit to the entries left once duplicates are gone (§3.3.1.5)', () => {
    const entry = (key: string) => `${key}=${'x'.repeat(200 - key.length - 1)}`;
    // 5 entries of 200 characters (1004 with commas); without the duplicates, 2 of them fit
    const header = [entry('a'), entry('b'), entry('a'), entry('b'), entry('c')].join(',');
    expect(createW3CTraceState(header).serialize()).toBe([entry('a'), entry('b')].join(','));
  });
});

describe('W3CTraceState.serialize limits (§3.3.1.5 "tracestate Limits")', () => {
  const entry = (key: string, length: number) => `${key}=${'x'.repeat(length - key.length - 1)}`;

  it('propagates a header of exactly 512 characters whole', () => {
    const header = [entry('a', 200), entry('b', 200), entry('c', 110)].join(',');
    expect(header).toHaveLength(512);
    expect(createW3CTraceState(header).serialize()).toBe(header);
  });

  it('removes entries longer than 128 characters first, right-most first, only as many as needed', () => {
    const header = [entry('a', 200), entry('b', 100), entry('c', 200), entry('d', 100)].join(',');
    expect(createW3CTraceState(header).serialize()).toBe(
      [entry('a', 200), entry('b', 100), entry('d', 100)].join(','),
    );
  });

  it('then removes entries from the end', () => {
    const header = Array.from({ length: 6 }, (_, i) => entry(`k${i}`, 100)).join(',');
    expect(header).toHaveLength(605);
    expect(createW3CTraceState(header).serialize()).toBe(
      Array.from({ length: 5 }, (_, i) => entry(`k${i}`, 100)).join(','),
    );
  });

  it('removes whole entries only, never part of one', () => {
    const header = Array.from({ length: 20 }, (_, i) => entry(`key${i}`, 40)).join(',');
    const sent = createW3CTraceState(header).serialize();
    expect(sent.length).toBeLessThanOrEqual(512);
    for (const member of sent.split(',')) expect(header.split(',')).toContain(member);
  });

  it('keeps a vendor entry just set even when the state is full of long entries', () => {
    const header = Array.from({ length: 3 }, (_, i) => entry(`k${i}`, 200)).join(',');
    const state = createW3CTraceState(header).set('mine', '1');
    expect(state.serialize().startsWith('mine=1,')).toBe(true);
    expect(state.serialize().length).toBeLessThanOrEqual(512);
  });
});
