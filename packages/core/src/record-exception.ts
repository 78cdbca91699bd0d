import type { Attributes, Exception, Span } from '@opentelemetry/api';
import {
  ATTR_EXCEPTION_MESSAGE,
  ATTR_EXCEPTION_STACKTRACE,
  ATTR_EXCEPTION_TYPE,
  capLength,
  MAX_ATTRIBUTE_LENGTH,
} from './attributes';

const objectToString = Object.prototype.toString;

/** An `Error` from any realm (a `vm` context, a worker), `DOMException` included. */
function isError(value: object): boolean {
  if (value instanceof Error) return true;
  const tag = objectToString.call(value);
  return tag === '[object Error]' || tag === '[object DOMException]';
}

/** What the SDK's `recordException` reads: it needs a `code`, `name` or `message`. */
function sdkCanRead(error: object): boolean {
  const { code, name, message } = error as { code?: unknown; name?: unknown; message?: unknown };
  return Boolean(code) || Boolean(name) || Boolean(message);
}

function stringProperty(value: object, key: 'name' | 'message' | 'stack'): string | undefined {
  const property = (value as Record<string, unknown>)[key];
  return typeof property === 'string' ? property : undefined;
}

/** The class of a non-Error object: its `name` if it has one, else its constructor's name. */
function typeOfObject(value: object): string {
  const name = typeof value === 'function' ? undefined : stringProperty(value, 'name');
  if (name !== undefined && name !== '') return name;
  const constructorName = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof constructorName === 'string' && constructorName !== '' ? constructorName : 'Object';
}

/**
 * JSON of a plain object, bounded: the walk stops adding values once about
 * `MAX_ATTRIBUTE_LENGTH` characters are spent, repeated objects (cycles) and
 * bigints are written as strings, and a throwing getter or `toJSON` gives `undefined`.
 */
function boundedJson(value: object): string | undefined {
  let budget = MAX_ATTRIBUTE_LENGTH;
  const seen = new Set<unknown>();
  try {
    return JSON.stringify(value, function (key: string, field: unknown): unknown {
      if (budget <= 0) return undefined;
      budget -= key.length + 4;
      if (typeof field === 'string') {
        budget -= field.length;
        return field.length > MAX_ATTRIBUTE_LENGTH ? field.slice(0, MAX_ATTRIBUTE_LENGTH) : field;
      }
      if (typeof field === 'bigint') return `${field}n`;
      if (typeof field === 'object' && field !== null) {
        if (seen.has(field)) return '[Circular]';
        seen.add(field);
      }
      return field;
    });
  } catch {
    return undefined;
  }
}

/** What a non-Error object says about itself: `message`, its own string form, or its JSON. */
function messageOfObject(value: object): string | undefined {
  const message = stringProperty(value, 'message');
  if (message !== undefined) return message;
  const { toString } = value as { toString?: unknown };
  // RegExp, Date, URL, a class with toString(): their own string form
  if (typeof toString === 'function' && toString !== objectToString && !Array.isArray(value)) {
    const text = String(value);
    if (!text.startsWith('[object ')) return text;
  }
  return boundedJson(value);
}

/**
 * The `exception` event attributes for a thrown value that is not an `Error`:
 * - a string: `exception.type` `string`, the string itself as `exception.message`;
 * - `null`, `undefined`, numbers, booleans, symbols, bigints: `exception.type` is
 *   `typeof` the value (`null` for null), `exception.message` its string form;
 * - any other object: `exception.type` is its `name` when it is a non-empty string,
 *   else its constructor's name (`Object`, `RegExp`, `Date`, the class);
 *   `exception.message` its `message` when a string, else its own string form
 *   (RegExp, Date), else a bounded JSON rendering (`{}`, `{"code":42}`);
 *   `exception.stacktrace` its `stack` when a string.
 *   An array is rendered as JSON; a value whose getters throw gets `exception.type` alone.
 * Every string is capped at `MAX_ATTRIBUTE_LENGTH`.
 */
export function exceptionAttributes(value: unknown): Attributes {
  if (typeof value !== 'object' && typeof value !== 'function') {
    return {
      [ATTR_EXCEPTION_TYPE]: typeof value,
      [ATTR_EXCEPTION_MESSAGE]: capLength(String(value)),
    };
  }
  if (value === null) return { [ATTR_EXCEPTION_TYPE]: 'null', [ATTR_EXCEPTION_MESSAGE]: 'null' };
  try {
    const attributes: Attributes = { [ATTR_EXCEPTION_TYPE]: capLength(typeOfObject(value)) };
    const message = messageOfObject(value);
    if (message !== undefined) attributes[ATTR_EXCEPTION_MESSAGE] = capLength(message);
    const stack = stringProperty(value, 'stack');
    if (stack !== undefined) attributes[ATTR_EXCEPTION_STACKTRACE] = capLength(stack);
    return attributes;
  } catch {
    // a getter, toString or proxy trap that throws: the event still says what was thrown
    return { [ATTR_EXCEPTION_TYPE]: typeof value === 'function' ? 'Function' : 'Object' };
  }
}

/**
 * Records any thrown value as the span's `exception` event (semantic conventions,
 * exceptions on spans). An `Error` goes to the SDK's `recordException` as it is;
 * any other value (or an Error with no code, name or message), which the SDK cannot read (it warns "Failed to record an
 * exception" and drops the event), gets its attributes from `exceptionAttributes`.
 */
export function recordException(span: Span, value: unknown): void {
  if (typeof value === 'object' && value !== null && isError(value) && sdkCanRead(value)) {
    span.recordException(value as Exception);
  } else {
    span.addEvent('exception', exceptionAttributes(value));
  }
}
