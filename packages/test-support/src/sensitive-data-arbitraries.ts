import { DEFAULT_REDACTED_QUERY_PARAMS } from '@otelware/core';
import fc from 'fast-check';

/** One query parameter as sent, and as `url.query` must show it. */
export interface QueryPart {
  readonly sent: string;
  readonly recorded: string;
  /** The secret value it carries, which no attribute may show; `undefined` for harmless ones. */
  readonly secret: string | undefined;
}

/** `name` with some characters %-encoded, in upper- or lower-case hex. */
function encodedVariants(name: string): fc.Arbitrary<string> {
  return fc
    .array(fc.nat({ max: 2 }), { minLength: name.length, maxLength: name.length })
    .map((choices) =>
      [...name]
        .map((char, i) => {
          const hex = char.charCodeAt(0).toString(16).padStart(2, '0');
          return choices[i] === 1 ? `%${hex.toUpperCase()}` : choices[i] === 2 ? `%${hex}` : char;
        })
        .join(''),
    );
}

const sensitivePart: fc.Arbitrary<QueryPart> = fc
  .tuple(
    fc.constantFrom(...DEFAULT_REDACTED_QUERY_PARAMS),
    fc.stringMatching(/^[A-Za-z0-9]{6,20}$/),
  )
  .chain(([name, value]) =>
    encodedVariants(name).map((key) => {
      const secret = `SECRET${value}`;
      return { sent: `${key}=${secret}`, recorded: `${key}=REDACTED`, secret };
    }),
  );

const harmlessPart: fc.Arbitrary<QueryPart> = fc
  .tuple(
    fc
      .stringMatching(/^[a-z][a-z0-9_]{0,10}$/)
      .filter((key) => !DEFAULT_REDACTED_QUERY_PARAMS.includes(key)),
    fc.stringMatching(/^[A-Za-z0-9%._~-]{0,20}$/),
  )
  .map(([key, value]) => ({
    sent: `${key}=${value}`,
    recorded: `${key}=${value}`,
    secret: undefined,
  }));

/** A query mixing harmless and signature parameters, anywhere, repeated, %-encoded. */
export const queryWithSecrets: fc.Arbitrary<QueryPart[]> = fc
  .array(fc.oneof(sensitivePart, harmlessPart), { minLength: 1, maxLength: 12 })
  .filter((parts) => parts.some((part) => part.secret !== undefined));

/** Headers no one should find in a span unless they asked for them by name. */
export const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'] as const;

/** A capture list: harmless names in any case, sometimes also credential headers named explicitly. */
export const captureList = fc.record({
  harmless: fc
    .subarray(['x-request-id', 'accept', 'x-tenant', 'user-agent'])
    .chain((names) => fc.tuple(...names.map((name) => fc.constantFrom(name, name.toUpperCase())))),
  named: fc.subarray([...CREDENTIAL_HEADERS]),
});
