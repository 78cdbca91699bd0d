import {
  HTTP_REQUEST_METHOD_VALUE_CONNECT,
  HTTP_REQUEST_METHOD_VALUE_DELETE,
  HTTP_REQUEST_METHOD_VALUE_GET,
  HTTP_REQUEST_METHOD_VALUE_HEAD,
  HTTP_REQUEST_METHOD_VALUE_OPTIONS,
  HTTP_REQUEST_METHOD_VALUE_OTHER,
  HTTP_REQUEST_METHOD_VALUE_PATCH,
  HTTP_REQUEST_METHOD_VALUE_POST,
  HTTP_REQUEST_METHOD_VALUE_PUT,
  HTTP_REQUEST_METHOD_VALUE_TRACE,
} from '@opentelemetry/semantic-conventions';
import {
  DEFAULT_KNOWN_METHODS,
  normalizeMethod,
  OTHER_METHOD,
  resolveKnownMethods,
} from '../src/known-methods';

const ENV = 'OTEL_INSTRUMENTATION_HTTP_KNOWN_METHODS';

const semconvMethods = new Set([
  HTTP_REQUEST_METHOD_VALUE_CONNECT,
  HTTP_REQUEST_METHOD_VALUE_DELETE,
  HTTP_REQUEST_METHOD_VALUE_GET,
  HTTP_REQUEST_METHOD_VALUE_HEAD,
  HTTP_REQUEST_METHOD_VALUE_OPTIONS,
  HTTP_REQUEST_METHOD_VALUE_PATCH,
  HTTP_REQUEST_METHOD_VALUE_POST,
  HTTP_REQUEST_METHOD_VALUE_PUT,
  HTTP_REQUEST_METHOD_VALUE_TRACE,
]);

describe('resolveKnownMethods', () => {
  it('defaults to exactly the methods the semantic conventions know', () => {
    expect(new Set(DEFAULT_KNOWN_METHODS)).toEqual(semconvMethods);
  });

  it('uses the defaults when neither the option nor the variable is set', () => {
    expect(resolveKnownMethods(undefined, {})).toEqual(semconvMethods);
  });

  it('uses the option and nothing else when it is set', () => {
    expect(resolveKnownMethods(['GET', 'QUERY'], {})).toEqual(new Set(['GET', 'QUERY']));
  });

  it('prefers the option over the environment variable', () => {
    expect(resolveKnownMethods(['GET', 'QUERY'], { [ENV]: 'POST,PURGE' })).toEqual(
      new Set(['GET', 'QUERY']),
    );
  });

  it('makes every method unknown with an empty option', () => {
    expect(resolveKnownMethods([], { [ENV]: 'GET' })).toEqual(new Set());
  });

  it('replaces the defaults with the environment variable', () => {
    expect(resolveKnownMethods(undefined, { [ENV]: 'GET,QUERY' })).toEqual(
      new Set(['GET', 'QUERY']),
    );
  });

  it('trims spaces around the entries of the environment variable', () => {
    expect(resolveKnownMethods(undefined, { [ENV]: ' GET , QUERY ,\tPURGE' })).toEqual(
      new Set(['GET', 'QUERY', 'PURGE']),
    );
  });

  it('drops empty entries from the environment variable', () => {
    expect(resolveKnownMethods(undefined, { [ENV]: 'GET,,POST,' })).toEqual(
      new Set(['GET', 'POST']),
    );
  });

  it('uses the defaults when the environment variable is empty', () => {
    expect(resolveKnownMethods(undefined, { [ENV]: '' })).toEqual(semconvMethods);
  });

  it('uses the defaults when the environment variable is only whitespace', () => {
    expect(resolveKnownMethods(undefined, { [ENV]: '  ' })).toEqual(semconvMethods);
  });
});

describe('normalizeMethod', () => {
  const known = new Set(DEFAULT_KNOWN_METHODS);

  it('uses _OTHER as the value for unknown methods', () => {
    expect(OTHER_METHOD).toBe(HTTP_REQUEST_METHOD_VALUE_OTHER);
  });

  it.each([...semconvMethods].map((method) => [method]))('keeps the known method %s', (method) => {
    expect(normalizeMethod(method, known)).toBe(method);
  });

  it('turns a lower-case get into _OTHER, because matching is case-sensitive', () => {
    expect(normalizeMethod('get', known)).toBe(HTTP_REQUEST_METHOD_VALUE_OTHER);
  });

  it('turns a method outside the set into _OTHER', () => {
    expect(normalizeMethod('PURGE', known)).toBe(HTTP_REQUEST_METHOD_VALUE_OTHER);
  });

  it('turns QUERY into _OTHER with the defaults', () => {
    expect(normalizeMethod('QUERY', known)).toBe(HTTP_REQUEST_METHOD_VALUE_OTHER);
  });

  it('keeps a method that a custom set knows', () => {
    expect(normalizeMethod('PURGE', new Set(['PURGE']))).toBe('PURGE');
  });

  it('turns GET into _OTHER when a custom set leaves it out', () => {
    expect(normalizeMethod('GET', new Set(['PURGE']))).toBe(HTTP_REQUEST_METHOD_VALUE_OTHER);
  });
});
