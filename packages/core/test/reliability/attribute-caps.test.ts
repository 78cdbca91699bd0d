import { checkSyncProperty } from '@otelware/test-support';
import fc from 'fast-check';
import { capLength, MAX_ATTRIBUTE_LENGTH } from '../../src/attributes';
import { clientRequestAttributes } from '../../src/client-attributes';
import { headerCapture } from '../../src/capture-headers';
import { DEFAULT_REDACTED_QUERY_PARAMS } from '../../src/redact';
import { requestAttributes } from '../../src/request-attributes';
import type { HttpRequest } from '../../src/types';

const redacted = new Set(DEFAULT_REDACTED_QUERY_PARAMS);
const LONG = MAX_ATTRIBUTE_LENGTH * 4;

/** Any text, sometimes far longer than the cap, sometimes with surrogate pairs at the cut. */
const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc
    .tuple(fc.nat({ max: 4 }), fc.string({ unit: 'grapheme', maxLength: 4 }))
    .map(([n, tail]) => 'a'.repeat(MAX_ATTRIBUTE_LENGTH - 2 + n) + tail),
  fc.nat({ max: 3 }).map((n) => 'x'.repeat(LONG + n)),
  fc.nat({ max: 3 }).map((n) => `${'y'.repeat(MAX_ATTRIBUTE_LENGTH - 1 + n)}😀`),
);

function stringLengths(attributes: Record<string, unknown>): number[] {
  return Object.values(attributes).flatMap((value) =>
    Array.isArray(value)
      ? value.map((v) => String(v).length)
      : typeof value === 'string'
        ? [value.length]
        : [],
  );
}

describe('attribute size caps', () => {
  it('caps every string a hostile request brings at MAX_ATTRIBUTE_LENGTH (2,000 generated requests)', () => {
    const config = {
      redactQueryParams: redacted,
      requestHeaders: headerCapture(['x-big'], 'request'),
    };
    checkSyncProperty(
      fc.property(
        fc.record({ method: text, path: text, query: text, header: text, forwarded: text }),
        ({ method, path, query, header, forwarded }) => {
          const request: HttpRequest = {
            method,
            url: `/${path}?${query}`,
            headers: {
              host: header,
              'user-agent': header,
              'x-big': [header, header],
              'x-forwarded-for': forwarded,
              'x-forwarded-proto': forwarded,
            },
            socket: { remoteAddress: '10.0.0.1' },
          };
          const attributes = requestAttributes(request, '_OTHER', config);
          for (const length of stringLengths(attributes)) {
            expect(length).toBeLessThanOrEqual(MAX_ATTRIBUTE_LENGTH);
          }
        },
      ),
      2000,
    );
  });

  it('caps url.full, after redaction, at MAX_ATTRIBUTE_LENGTH (2,000 generated URLs)', () => {
    checkSyncProperty(
      fc.property(text, fc.boolean(), (path, signed) => {
        const query = signed ? `?${'p=1&'.repeat(3000)}X-Amz-Signature=SECRET` : '';
        const url = new URL(
          `https://user:PASSWORD-9@example.com/${encodeURIComponent(path)}${query}`,
        );
        const attributes = clientRequestAttributes('GET', 'GET', url, redacted);
        const full = attributes['url.full'] as string;
        expect(full.length).toBeLessThanOrEqual(MAX_ATTRIBUTE_LENGTH);
        expect(full).not.toContain('SECRET');
        expect(full).not.toContain('PASSWORD-9');
      }),
      2000,
    );
  });

  it('never cuts a surrogate pair in two', () => {
    const cut = capLength(`${'a'.repeat(MAX_ATTRIBUTE_LENGTH - 1)}😀`);
    expect(cut).toBe('a'.repeat(MAX_ATTRIBUTE_LENGTH - 1));
    expect(capLength('short')).toBe('short');
    expect(capLength('z'.repeat(LONG))).toBe('z'.repeat(MAX_ATTRIBUTE_LENGTH));
  });
});
