import { objectSlot } from '../src';

describe('objectSlot', () => {
  it('keeps a value on an object under a Symbol with the given description', () => {
    const slot = objectSlot<number>('otelware.test.slot');
    const target = {};
    slot.set(target, 42);
    expect(slot.get(target)).toBe(42);
    expect(Object.keys(target)).toEqual([]);
    expect(Object.getOwnPropertySymbols(target).map((key) => key.description)).toEqual([
      'otelware.test.slot',
    ]);
  });

  it('gives undefined for an object without the value, and for non-objects', () => {
    const slot = objectSlot<number>('otelware.test.slot');
    expect(slot.get({})).toBeUndefined();
    expect(slot.get(undefined)).toBeUndefined();
    expect(slot.get(null)).toBeUndefined();
    expect(slot.get('req')).toBeUndefined();
  });

  it('keeps two slots with the same description apart', () => {
    const first = objectSlot<string>('otelware.test.same');
    const second = objectSlot<string>('otelware.test.same');
    const target = {};
    first.set(target, 'a');
    expect(second.get(target)).toBeUndefined();
  });
});
