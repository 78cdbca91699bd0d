import fc from 'fast-check';
import { utf8Bytes } from './raw-http';

/** Methods Node's parser accepts: the known ones, and others (`_OTHER` for otelware). */
export const REQUEST_METHODS = [
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'DELETE',
  'PATCH',
  'OPTIONS',
  'TRACE',
  'PURGE',
  'QUERY',
  'M-SEARCH',
  'PROPFIND',
  'MKCOL',
  'LINK',
  'SEARCH',
] as const;

/** A path segment that trips decoders and normalizers. */
const hostileSegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('..', '.', '%', '%zz', '%2e%2e', '%2F', '%00', '%E0%A4%A', '~', ';a=b', '%252e'),
  fc.stringMatching(/^[A-Za-z0-9._~-]{1,12}$/),
  fc.constantFrom('é', '日本', '😀').map(utf8Bytes),
  fc.integer({ min: 1, max: 4 }).map((n) => 'p'.repeat(n * 50_000)),
);

const query: fc.Arbitrary<string> = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9=&%._~+-]{0,60}$/),
  fc.constantFrom('%', 'a=%zz&b', '&&&', '=', 'sig=1&sig=2'),
  fc.integer({ min: 1, max: 4 }).map((n) => `q=${'x'.repeat(n * 50_000)}`),
);

const path: fc.Arbitrary<string> = fc.oneof(
  hostileSegment.map((id) => `/items/${id}`),
  fc
    .array(hostileSegment, { minLength: 1, maxLength: 6 })
    .map((segments) => `/${segments.join('/')}`),
);

/** A request target: origin form with hostile paths and queries, absolute form, or `*`. */
export const requestTarget: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(path, fc.option(query)).map(([p, q]) => (q === null ? p : `${p}?${q}`)),
  fc
    .tuple(
      fc.constantFrom('http', 'https', 'HTTP'),
      fc.constantFrom('evil.example', 'a:1', 'u:p@h:8'),
      path,
    )
    .map(([scheme, host, p]) => `${scheme}://${host}${p}`),
  fc.constant('*'),
);

/** One hostile request line: method and target. */
export const hostileRequestLine = fc.record({
  method: fc.constantFrom(...REQUEST_METHODS),
  target: requestTarget,
});
