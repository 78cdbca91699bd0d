import { diag } from '@opentelemetry/api';
import { callSafely, reportError } from '../src/report-error';

describe('the guard', () => {
  afterEach(() => jest.restoreAllMocks());

  it('reports a failure once per call site through diag', () => {
    const error = jest.spyOn(diag, 'error').mockImplementation(() => undefined);
    reportError('site A', new Error('first'));
    reportError('site A', new Error('second'));
    reportError('site B', new Error('third'));
    expect(error.mock.calls.map(([message]) => message)).toEqual([
      '@otelware: site A failed; the request goes on without it',
      '@otelware: site B failed; the request goes on without it',
    ]);
  });

  it('never throws, even when the diag logger does', () => {
    jest.spyOn(diag, 'error').mockImplementation(() => {
      throw new Error('broken logger');
    });
    expect(() => reportError('site C', new Error('x'))).not.toThrow();
  });

  it('returns the result of a call that succeeds and undefined for one that throws', () => {
    jest.spyOn(diag, 'error').mockImplementation(() => undefined);
    expect(callSafely('add', (a: number, b: number) => a + b, 2, 3)).toBe(5);
    expect(
      callSafely('throws', () => {
        throw new Error('boom');
      }),
    ).toBeUndefined();
    expect(diag.error).toHaveBeenCalledWith(
      '@otelware: throws failed; the request goes on without it',
      expect.any(Error),
    );
  });
});
