import { objectSlot } from '../src';

describe('objectSlot', () => {
  it('keeps a value for an object without adding any property to it', () => {
    const slot = objectSlot<number>();
    const target = { a: 1 };
    slot.set(target, 42);
    expect(slot.get(target)).toBe(42);
    expect(Reflect.ownKeys(target)).toEqual(['a']);
  });

  it('gives undefined for an object without the value, and for non-objects', () => {
    const slot = objectSlot<number>();
    expect(slot.get({})).toBeUndefined();
    expect(slot.get(undefined)).toBeUndefined();
    expect(slot.get(null)).toBeUndefined();
    expect(slot.get('req')).toBeUndefined();
  });

  it('keeps two slots apart', () => {
    const first = objectSlot<string>();
    const second = objectSlot<string>();
    const target = {};
    first.set(target, 'a');
    expect(second.get(target)).toBeUndefined();
  });

  it('forgets a deleted value', () => {
    const slot = objectSlot<number>();
    const target = {};
    slot.set(target, 1);
    slot.delete(target);
    expect(slot.get(target)).toBeUndefined();
  });
});
