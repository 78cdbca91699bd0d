import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { countSpanEnds, useTestTracing } from '@otelware/test-support';
import { wrapFetch } from '../src';
import { closedPort, startLocalServer, type LocalServer } from './local-server';

const otel = useTestTracing();
let server: LocalServer;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

beforeAll(async () => {
  server = await startLocalServer();
});
afterAll(() => server.close());

/** Whether a response fetched and then dropped unread is garbage-collected. */
async function unreadResponseIsCollected(fetchFn: typeof fetch): Promise<boolean> {
  let collected = false;
  const registry = new FinalizationRegistry(() => {
    collected = true;
  });
  await (async () => {
    const response = await fetchFn(`${server.origin}/hold`);
    registry.register(response, undefined);
  })();
  for (let i = 0; i < 20 && !collected; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return collected;
}

describe('when the CLIENT span ends', () => {
  it('ends when the response headers arrive, while the body is still coming', async () => {
    const response = await wrapFetch(fetch)(`${server.origin}/hold`);
    const [span] = await otel.spans(1);
    expect(span?.ended).toBe(true);
    expect(span?.attributes['http.response.status_code']).toBe(200);
    await response.body?.cancel();
  });

  it('keeps nothing of a response whose body is never read: it is collected as without tracing', async () => {
    expect(await unreadResponseIsCollected(fetch)).toBe(true);
    expect(await unreadResponseIsCollected(wrapFetch(fetch))).toBe(true);
  });

  it('ends each span exactly once, whether the call answers, fails, times out or is aborted', async () => {
    const counted = countSpanEnds(otel.provider);
    const tracedFetch = wrapFetch(fetch, { tracerProvider: counted.provider });
    const controller = new AbortController();
    const port = await closedPort();
    const calls = [
      tracedFetch(`${server.origin}/`),
      tracedFetch(`${server.origin}/status/503`),
      tracedFetch(`http://127.0.0.1:${port}/`),
      tracedFetch(`${server.origin}/hang`, { signal: AbortSignal.timeout(20) }),
      tracedFetch(`${server.origin}/hang`, { signal: controller.signal }),
    ];
    controller.abort();
    await Promise.allSettled(calls);
    await otel.spans(5);
    expect([...counted.ends.values()]).toEqual([1, 1, 1, 1, 1]);
  });

  it('adds no listener of its own to the caller’s AbortSignal', async () => {
    async function listenersAddedBy(fetchFn: typeof fetch): Promise<number> {
      const { signal } = new AbortController();
      let added = 0;
      const { addEventListener } = signal;
      signal.addEventListener = function (
        this: AbortSignal,
        ...args: Parameters<typeof addEventListener>
      ) {
        added++;
        return addEventListener.apply(this, args);
      } as typeof addEventListener;
      await fetchFn(`${server.origin}/`, { signal });
      return added;
    }
    expect(await listenersAddedBy(wrapFetch(fetch))).toBe(await listenersAddedBy(fetch));
  });
});
