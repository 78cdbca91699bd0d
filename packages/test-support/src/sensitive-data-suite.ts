import { HEAVY_TEST_TIMEOUT } from './reliability-budget';
import { AlwaysOnSampler, type ReadableSpan } from '@opentelemetry/sdk-trace';
import fc from 'fast-check';
import { checkProperty } from './property-check';
import { rawExchange, statusOf } from './raw-http';
import { CREDENTIAL_HEADERS, captureList, queryWithSecrets } from './sensitive-data-arbitraries';
import type { NeutralRoutes, ServerSubject } from './server-subject';
import { createTestProvider, waitFor } from './test-tracing';

const ROUTES: NeutralRoutes = {
  text: () => 'ok',
  stream: () => {
    throw new Error('not used');
  },
};

/** Every attribute value of `span` as one text, to search for what must not be there. */
function allRecorded(span: ReadableSpan): string {
  return JSON.stringify([span.name, span.attributes]);
}

/**
 * What must never leak: signature query parameters are `REDACTED` in `url.query`
 * wherever they are, however often and however %-encoded; credential headers are
 * recorded only when named in `captureHeaders`.
 */
export function sensitiveDataSuite(subject: ServerSubject, runs: number): void {
  const sdk = createTestProvider(new AlwaysOnSampler());

  async function spanOf(
    options: Parameters<ServerSubject['start']>[1],
    head: string,
  ): Promise<ReadableSpan> {
    sdk.exporter.reset();
    const app = await subject.start(ROUTES, options);
    try {
      expect(statusOf(await rawExchange(app.port, head))).toBe(200);
      await waitFor(() => sdk.exporter.getFinishedSpans().length > 0);
    } finally {
      await app.close();
    }
    const spans = sdk.exporter.getFinishedSpans();
    expect(spans).toHaveLength(1);
    return spans[0] as ReadableSpan;
  }

  it(
    `redacts every signature parameter of url.query, in any position, repetition and encoding (${runs} generated queries)`,
    async () => {
      const app = await subject.start(ROUTES, { tracerProvider: sdk.provider });
      try {
        await checkProperty(
          fc.asyncProperty(queryWithSecrets, async (parts) => {
            sdk.exporter.reset();
            const query = parts.map((part) => part.sent).join('&');
            const head = `GET /items/1?${query} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`;
            expect(statusOf(await rawExchange(app.port, head))).toBe(200);
            await waitFor(() => sdk.exporter.getFinishedSpans().length > 0);
            const [span] = sdk.exporter.getFinishedSpans();
            expect(span?.attributes['url.query']).toBe(
              parts.map((part) => part.recorded).join('&'),
            );
            for (const { secret } of parts) {
              if (secret !== undefined)
                expect(allRecorded(span as ReadableSpan)).not.toContain(secret);
            }
          }),
          runs,
        );
      } finally {
        await app.close();
      }
    },
    HEAVY_TEST_TIMEOUT,
  );

  it(
    `records authorization, cookie and proxy-authorization only when named (${Math.ceil(runs / 10)} generated capture lists)`,
    async () => {
      await checkProperty(
        fc.asyncProperty(captureList, async ({ harmless, named }) => {
          const head =
            'GET /items/1 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n' +
            'X-Request-Id: r-1\r\nAccept: text/plain\r\nX-Tenant: t-1\r\nUser-Agent: ua\r\n' +
            'Authorization: Bearer SECRET-A\r\nCookie: session=SECRET-C\r\nProxy-Authorization: Basic SECRET-P\r\n\r\n';
          const span = await spanOf(
            { tracerProvider: sdk.provider, captureHeaders: { request: [...harmless, ...named] } },
            head,
          );
          for (const header of CREDENTIAL_HEADERS) {
            const key = `http.request.header.${header}`;
            if ((named as string[]).includes(header)) expect(span.attributes[key]).toHaveLength(1);
            else expect(Object.keys(span.attributes)).not.toContain(key);
          }
          const recorded = allRecorded(span);
          if (named.length === 0) expect(recorded).not.toMatch(/SECRET-[ACP]/);
          for (const name of harmless) {
            expect(Object.keys(span.attributes)).toContain(
              `http.request.header.${name.toLowerCase()}`,
            );
          }
        }),
        Math.ceil(runs / 10),
      );
    },
    HEAVY_TEST_TIMEOUT,
  );
}
