import { diag, DiagLogLevel, SpanStatusCode, type Attributes } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import { ATTR_ERROR_TYPE } from '@opentelemetry/semantic-conventions';

/** A value an app may throw that is not an `Error`, and how otelware records it. */
export interface ThrownValue {
  readonly label: string;
  readonly value: unknown;
  /** The exact attributes of the span's `exception` event. */
  readonly event: Attributes;
  /** The span's `error.type`. */
  readonly errorType: string;
}

const EPOCH = new Date(0);

function thrown(
  label: string,
  value: unknown,
  type: string,
  message: string,
  errorType = '_OTHER',
) {
  return {
    label,
    value,
    event: { 'exception.type': type, 'exception.message': message },
    errorType,
  };
}

/** Every kind of non-Error value apps throw, with what the `exception` event must say. */
export const THROWN_VALUES: readonly ThrownValue[] = [
  thrown(
    'a plain object',
    { code: 42, reason: 'declined' },
    'Object',
    '{"code":42,"reason":"declined"}',
  ),
  thrown('an empty object', {}, 'Object', '{}'),
  thrown('an object with a message', { message: 'quota exceeded' }, 'Object', 'quota exceeded'),
  thrown('a string', 'session expired', 'string', 'session expired'),
  thrown('an empty string', '', 'string', ''),
  thrown('a RegExp', /ab+c/i, 'RegExp', '/ab+c/i', 'RegExp'),
  thrown('a Date', EPOCH, 'Date', String(EPOCH), 'Date'),
  thrown('a number', 42, 'number', '42'),
  thrown('null', null, 'null', 'null'),
  thrown('undefined', undefined, 'undefined', 'undefined'),
];

/**
 * Collects the SDK's and otelware's `diag` warnings and errors for the test file,
 * cleared before each test ("Failed to record an exception" is the SDK's warning).
 */
export function useDiagMessages(): string[] {
  const messages: string[] = [];
  beforeEach(() => {
    messages.length = 0;
    const keep = (message: string) => void messages.push(message);
    const ignore = () => undefined;
    diag.setLogger(
      { error: keep, warn: keep, info: ignore, debug: ignore, verbose: ignore },
      { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true },
    );
  });
  afterEach(() => diag.disable());
  return messages;
}

/**
 * The two tests every adapter and fetch run for each thrown value: ERROR with the
 * value's `error.type` and exactly one `exception` event with the listed attributes,
 * and no `diag` warning. `spanOf(value)` makes the app (or fetch) throw `value`,
 * checks the answer is the untraced one, and returns the one exported span.
 */
export function thrownValuesSuite(
  values: readonly ThrownValue[],
  spanOf: (value: unknown) => Promise<ReadableSpan>,
): void {
  const diagMessages = useDiagMessages();

  it.each(values)(
    'records $label as ERROR, its error.type and one exception event',
    async ({ value, event, errorType }) => {
      const span = await spanOf(value);
      expect(span.status.code).toBe(SpanStatusCode.ERROR);
      expect(span.attributes[ATTR_ERROR_TYPE]).toBe(errorType);
      const events = span.events.filter(({ name }) => name === 'exception');
      expect(events.map(({ attributes }) => attributes)).toEqual([event]);
    },
  );

  it.each(values)('records $label without a diag warning', async ({ value }) => {
    await spanOf(value);
    expect(diagMessages).toEqual([]);
  });
}
