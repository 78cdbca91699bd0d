import { diag, DiagLogLevel, type Attributes } from '@opentelemetry/api';

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
