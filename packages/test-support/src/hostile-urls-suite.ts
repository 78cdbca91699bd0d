import { HEAVY_TEST_TIMEOUT } from './reliability-budget';
import { diag } from '@opentelemetry/api';
import { AlwaysOnSampler } from '@opentelemetry/sdk-trace';
import { DEFAULT_KNOWN_METHODS, MAX_ATTRIBUTE_LENGTH } from '@otelware/core';
import fc from 'fast-check';
import { hostileRequestLine } from './hostile-url-arbitraries';
import { checkProperty } from './property-check';
import { rawAnswer, type RawAnswer, withoutDate } from './raw-http';
import {
  LENIENT_SERVER,
  type NeutralRoutes,
  type RunningServer,
  type ServerSubject,
} from './server-subject';
import { createTestProvider, waitFor } from './test-tracing';

const ROUTES: NeutralRoutes = {
  text: (id) => `item ${id.length}`,
  stream: () => {
    throw new Error('not used');
  },
};

/** The span names a request of `method` may get: the route's, or the method's alone. */
function allowedNames(method: string): string[] {
  const shown = DEFAULT_KNOWN_METHODS.includes(method) ? method : 'HTTP';
  return [shown, `${shown} /items/:id`];
}

/** An answer as two runs can compare it: without the `Date` header, with how it ended. */
function comparable({ response, reset }: RawAnswer): RawAnswer {
  return { response: withoutDate(response), reset };
}

/**
 * Hostile request lines (very long paths and queries, broken %-escapes, `..`,
 * absolute-form and `*` targets, methods outside the known set), on real sockets:
 * the traced app answers byte for byte as the untraced one and ends the connection
 * the same way (a close, or the reset that follows Node's own 400 to a request line
 * its parser rejected before reading all of it), each request the app saw has one
 * span, every recorded string is at most `MAX_ATTRIBUTE_LENGTH` long,
 * and span names and routes stay within the app's route templates.
 */
export function hostileUrlsSuite(subject: ServerSubject, runs: number): void {
  const sdk = createTestProvider(new AlwaysOnSampler());
  let traced: RunningServer;
  let untraced: RunningServer;
  let requestsSeen = 0;

  beforeAll(async () => {
    traced = await subject.start(ROUTES, { tracerProvider: sdk.provider }, LENIENT_SERVER);
    untraced = await subject.start(ROUTES, undefined, LENIENT_SERVER);
    traced.server.on('request', () => requestsSeen++);
  });
  afterAll(async () => {
    await traced.close();
    await untraced.close();
  });

  it(
    `answers hostile URLs and methods as untraced, with bounded attributes and route names (${runs} generated requests)`,
    async () => {
      const diagError = jest.spyOn(diag, 'error');
      await checkProperty(
        fc.asyncProperty(hostileRequestLine, async ({ method, target }) => {
          sdk.exporter.reset();
          requestsSeen = 0;
          const head = `${method} ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`;
          const [tracedAnswer, untracedAnswer] = await Promise.all([
            rawAnswer(traced.port, head),
            rawAnswer(untraced.port, head),
          ]);
          expect(comparable(tracedAnswer)).toEqual(comparable(untracedAnswer));
          await waitFor(() => sdk.exporter.getFinishedSpans().length >= requestsSeen, 200);
          const spans = sdk.exporter.getFinishedSpans();
          if (subject.answersSomeRequestsBeforeHooks === true) {
            expect(spans.length).toBeLessThanOrEqual(requestsSeen);
          } else {
            expect(spans).toHaveLength(requestsSeen);
          }
          for (const span of spans) {
            expect(allowedNames(method)).toContain(span.name);
            expect([undefined, '/items/:id']).toContain(span.attributes['http.route']);
            for (const value of Object.values(span.attributes)) {
              if (typeof value === 'string') {
                expect(value.length).toBeLessThanOrEqual(MAX_ATTRIBUTE_LENGTH);
              }
            }
          }
        }),
        runs,
      );
      expect(diagError).not.toHaveBeenCalled();
      diagError.mockRestore();
    },
    HEAVY_TEST_TIMEOUT,
  );
}
