import { SpanStatusCode } from '@opentelemetry/api';
import { ATTR_OTELWARE_ABORTED } from '@otelware/core';
import http from 'node:http';
import { Readable } from 'node:stream';
import type { NeutralRoutes, ServerSubject } from './server-subject';
import { countSpanEnds, createTestProvider, waitFor } from './test-tracing';

type AbortMoment = 'before the handler answers' | 'after the headers' | 'mid-stream';

/** A promise and the function that settles it. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = () => undefined as void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

const WATCHED = new Set(['Timeout', 'TCPSocketWrap', 'TCPServerWrap']);

/**
 * The timers and sockets the process holds open, to compare before and after
 * (file reads and immediates of the test runner itself come and go).
 */
function activeResources(): string[] {
  return process
    .getActiveResourcesInfo()
    .filter((kind) => WATCHED.has(kind))
    .sort();
}

/** What is open now and was not at `baseline` (which may still hold an earlier test's server). */
function leftovers(baseline: readonly string[]): string[] {
  const left = [...baseline];
  return activeResources().filter((kind) => {
    const i = left.indexOf(kind);
    if (i === -1) return true;
    left.splice(i, 1);
    return false;
  });
}

/**
 * The client goes away before the handler answers, right after the response
 * headers, or in the middle of a streamed body; the handler then carries on
 * (writes late, ends its stream). Each span ends exactly once, is marked aborted,
 * carries the status only if the headers went out, is not an error, and nothing
 * (timer, socket, listener) outlives the server.
 */
export function abortSuite(subject: ServerSubject): void {
  it.each<AbortMoment>(['before the handler answers', 'after the headers', 'mid-stream'])(
    'ends the span exactly once when the client aborts %s, leaving nothing behind',
    async (moment) => {
      const baseline = activeResources();
      const sdk = createTestProvider();
      const counted = countSpanEnds(sdk.provider);
      const reached = gate();
      const release = gate();
      let handlerDone: Promise<void> = Promise.resolve();
      const routes: NeutralRoutes = {
        async text() {
          reached.open();
          await release.opened;
          return 'late answer';
        },
        stream() {
          const body = new Readable({ read: () => undefined });
          body.push('first chunk\n');
          reached.open();
          handlerDone = release.opened.then(() => {
            body.push('late chunk\n');
            body.push(null);
          });
          return body;
        },
      };
      const app = await subject.start(routes, { tracerProvider: counted.provider });
      const path = moment === 'before the handler answers' ? '/items/1' : '/stream/1';
      await new Promise<void>((resolve) => {
        const request = http.get({ host: '127.0.0.1', port: app.port, path, agent: false });
        request.on('error', () => resolve());
        request.on('close', () => resolve());
        if (moment === 'before the handler answers')
          void reached.opened.then(() => request.destroy());
        if (moment === 'after the headers') request.on('response', () => request.destroy());
        if (moment === 'mid-stream') {
          request.on('response', (response) => response.once('data', () => request.destroy()));
        }
      });
      await waitFor(() => counted.ends.size > 0);
      release.open();
      await handlerDone;
      await new Promise((resolve) => setTimeout(resolve, 20)); // the late answer goes nowhere
      await app.close();

      const spans = sdk.exporter.getFinishedSpans();
      expect(spans.map((span) => span.name)).toEqual([
        moment === 'before the handler answers' ? 'GET /items/:id' : 'GET /stream/:id',
      ]);
      const [span] = spans;
      expect(span?.attributes[ATTR_OTELWARE_ABORTED]).toBe(true);
      expect(span?.attributes['http.response.status_code']).toBe(
        moment === 'before the handler answers' ? undefined : 200,
      );
      expect(span?.status.code).toBe(SpanStatusCode.UNSET);
      expect([...counted.ends.values()]).toEqual([1]);
      await waitFor(() => leftovers(baseline).length === 0, 1000);
      expect(leftovers(baseline)).toEqual([]);
    },
  );
}
