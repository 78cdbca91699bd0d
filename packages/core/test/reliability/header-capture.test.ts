import type { Attributes, Span } from '@opentelemetry/api';
import { checkSyncProperty } from '@otelware/test-support';
import fc from 'fast-check';
import {
  captureRequestHeaders,
  captureResponseHeaders,
  headerCapture,
} from '../../src/capture-headers';

const CREDENTIALS = ['authorization', 'cookie', 'set-cookie', 'proxy-authorization'];
const HARMLESS = ['x-request-id', 'accept', 'content-type', 'x-tenant'];

const allHeaders = Object.fromEntries(
  [...CREDENTIALS, ...HARMLESS].map((name) => [name, `value of ${name}`]),
);

/** A capture list: harmless names and some credential names, in any letter case. */
const captureList = fc
  .tuple(fc.subarray(HARMLESS), fc.subarray(CREDENTIALS))
  .chain(([harmless, named]) =>
    fc
      .tuple(...[...harmless, ...named].map((name) => fc.constantFrom(name, name.toUpperCase())))
      .map((names) => ({ names, named })),
  );

/** The header names behind the `http.*.header.*` attributes recorded. */
function recordedNames(attributes: Attributes): string[] {
  return Object.keys(attributes).map((key) =>
    key.replace(/^http\.(request|response)\.header\./, ''),
  );
}

describe('header capture', () => {
  it('records authorization, cookie, set-cookie and proxy-authorization only when named (2,000 generated lists)', () => {
    checkSyncProperty(
      fc.property(captureList, ({ names, named }) => {
        const request: Attributes = {};
        captureRequestHeaders(request, { headers: allHeaders }, headerCapture(names, 'request'));
        const response: Attributes = {};
        const span = { setAttributes: (a: Attributes) => Object.assign(response, a) };
        captureResponseHeaders(
          span as unknown as Span,
          { statusCode: 200, getHeader: (name) => allHeaders[name] },
          headerCapture(names, 'response'),
        );
        for (const attributes of [request, response]) {
          const recorded = recordedNames(attributes);
          for (const credential of CREDENTIALS) {
            expect(recorded.includes(credential)).toBe(named.includes(credential));
          }
          expect(recorded.sort()).toEqual(names.map((name) => name.toLowerCase()).sort());
        }
      }),
      2000,
    );
  });
});
