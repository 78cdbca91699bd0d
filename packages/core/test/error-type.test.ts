import { ERROR_TYPE_VALUE_OTHER } from '@opentelemetry/semantic-conventions';
import { errorTypeOf, failureTypeOf } from '../src/error-type';

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

describe('failureTypeOf (outgoing calls)', () => {
  it('uses a system error code', () => {
    const error = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(failureTypeOf(error)).toBe('ECONNREFUSED');
  });

  it('uses the code on the cause, where fetch puts it', () => {
    const cause = Object.assign(new Error('getaddrinfo ENOTFOUND x'), { code: 'ENOTFOUND' });
    expect(failureTypeOf(new TypeError('fetch failed', { cause }))).toBe('ENOTFOUND');
  });

  it('uses the name of a DOMException, e.g. a timeout', () => {
    expect(failureTypeOf(new DOMException('timed out', 'TimeoutError'))).toBe('TimeoutError');
  });

  it('falls back to the type name, ignoring empty or non-string codes', () => {
    expect(failureTypeOf(Object.assign(new RangeError('x'), { code: 42 }))).toBe('RangeError');
    expect(failureTypeOf(Object.assign(new TypeError('x'), { code: '' }))).toBe('TypeError');
    expect(failureTypeOf('a string')).toBe(ERROR_TYPE_VALUE_OTHER);
  });
});
