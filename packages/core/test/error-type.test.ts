import { ERROR_TYPE_VALUE_OTHER } from '@opentelemetry/semantic-conventions';
import { errorTypeOf } from '../src/error-type';

class PaymentDeclinedError extends Error {}

describe('errorTypeOf', () => {
  it('uses the class name of a built-in error', () => {
    expect(errorTypeOf(new TypeError('bad input'))).toBe('TypeError');
  });

  it('uses the class name of a subclass that leaves name as Error', () => {
    const error = new PaymentDeclinedError('card declined');
    expect([error.name, errorTypeOf(error)]).toEqual(['Error', 'PaymentDeclinedError']);
  });

  it('uses the name of an anonymous Error subclass', () => {
    const Anonymous = [class extends Error {}][0]!;
    expect(errorTypeOf(new Anonymous('no class name'))).toBe('Error');
  });

  it('uses the name of a plain object', () => {
    expect(errorTypeOf({ name: 'AbortError', message: 'aborted' })).toBe('AbortError');
  });

  it('uses the name of an object without a prototype', () => {
    expect(errorTypeOf(Object.assign(Object.create(null), { name: 'TimeoutError' }))).toBe(
      'TimeoutError',
    );
  });

  it('is _OTHER for an object without a prototype or a name', () => {
    expect(errorTypeOf(Object.create(null))).toBe(ERROR_TYPE_VALUE_OTHER);
  });

  it('is _OTHER for a plain object without a name', () => {
    expect(errorTypeOf({ message: 'failed' })).toBe(ERROR_TYPE_VALUE_OTHER);
  });

  it('is _OTHER for a plain object with an empty name', () => {
    expect(errorTypeOf({ name: '' })).toBe(ERROR_TYPE_VALUE_OTHER);
  });

  it('is _OTHER for a plain object whose name is not a string', () => {
    expect(errorTypeOf({ name: 42 })).toBe(ERROR_TYPE_VALUE_OTHER);
  });

  it('is _OTHER for a thrown string', () => {
    expect(errorTypeOf('something broke')).toBe(ERROR_TYPE_VALUE_OTHER);
  });

  it('is _OTHER for null', () => {
    expect(errorTypeOf(null)).toBe(ERROR_TYPE_VALUE_OTHER);
  });

  it('is _OTHER for undefined', () => {
    expect(errorTypeOf(undefined)).toBe(ERROR_TYPE_VALUE_OTHER);
  });

  it('is _OTHER for a thrown number', () => {
    expect(errorTypeOf(42)).toBe(ERROR_TYPE_VALUE_OTHER);
  });
});
