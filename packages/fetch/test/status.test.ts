import { SpanStatusCode } from '@opentelemetry/api';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
} from '@opentelemetry/semantic-conventions';
import { useTestTracing } from '@otelware/test-support';
import { wrapFetch } from '../src';
import { closedPort, startLocalServer, type LocalServer } from './local-server';

const otel = useTestTracing();
let server: LocalServer;

/** Node's own fetch, remembering what it settled with, to compare with what the caller got. */
function recordingFetch() {
  const outcomes: unknown[] = [];
  const inner = (input: string | URL | Request, init?: RequestInit) =>
    fetch(input, init).then(
      (response) => {
        outcomes.push(response);
        return response;
      },
      (error: unknown) => {
        outcomes.push(error);
        throw error;
      },
    );
  return { inner, outcomes };
}

beforeAll(async () => {
  server = await startLocalServer();
});
afterAll(() => server.close());

describe('status of the CLIENT span', () => {
  it.each([200, 201, 302, 304])('leaves %i UNSET', async (status) => {
    await wrapFetch(fetch)(`${server.origin}/status/${status}`, { redirect: 'manual' });
    const [span] = await otel.spans(1);
    expect(span?.status).toEqual({ code: SpanStatusCode.UNSET });
    expect(span?.attributes[ATTR_ERROR_TYPE]).toBeUndefined();
  });

  it.each([400, 404, 500, 503])(
    'marks %i ERROR with the status code as error.type, and hands the response back',
    async (status) => {
      const { inner, outcomes } = recordingFetch();
      const response = await wrapFetch(inner)(`${server.origin}/status/${status}`);
      expect(response).toBe(outcomes[0]);
      expect(await response.text()).toBe(`status ${status}`);
      const [span] = await otel.spans(1);
      expect(span?.status).toEqual({ code: SpanStatusCode.ERROR });
      expect(span?.attributes[ATTR_HTTP_RESPONSE_STATUS_CODE]).toBe(status);
      expect(span?.attributes[ATTR_ERROR_TYPE]).toBe(String(status));
      expect(span?.events).toEqual([]);
    },
  );

  it('marks a refused connection ERROR, with the exception and its code as error.type', async () => {
    const { inner, outcomes } = recordingFetch();
    const port = await closedPort();
    const error = await wrapFetch(inner)(`http://127.0.0.1:${port}/`).catch((e: unknown) => e);
    expect(error).toBe(outcomes[0]); // the caller gets the very error fetch raised
    const [span] = await otel.spans(1);
    expect(span?.attributes[ATTR_ERROR_TYPE]).toBe('ECONNREFUSED');
    expect(span?.attributes[ATTR_HTTP_RESPONSE_STATUS_CODE]).toBeUndefined();
    expect(span?.status.code).toBe(SpanStatusCode.ERROR);
    expect(span?.status.message).toMatch(/^fetch failed: connect ECONNREFUSED/);
    expect(span?.events.map((event) => [event.name, event.attributes?.['exception.type']])).toEqual(
      [['exception', 'TypeError']],
    );
  });

  it('marks a failed DNS lookup ERROR with the resolver’s code', async () => {
    const error = await wrapFetch(fetch)('http://no-such-host.invalid/').catch((e: unknown) => e);
    expect((error as Error).name).toBe('TypeError'); // Node's TypeError, from outside Jest's realm
    const [span] = await otel.spans(1);
    expect(span?.status.code).toBe(SpanStatusCode.ERROR);
    expect(span?.attributes[ATTR_ERROR_TYPE]).toMatch(/^(ENOTFOUND|EAI_AGAIN)$/);
  });

  it('marks a connection the server resets ERROR with a code', async () => {
    const error = await wrapFetch(fetch)(`${server.origin}/reset`).catch((e: unknown) => e);
    expect((error as Error).name).toBe('TypeError'); // Node's TypeError, from outside Jest's realm
    const [span] = await otel.spans(1);
    expect(span?.status.code).toBe(SpanStatusCode.ERROR);
    expect(span?.attributes[ATTR_ERROR_TYPE]).toMatch(/^(UND_ERR_SOCKET|ECONNRESET)$/);
    expect(span?.events).toHaveLength(1);
  });

  it('ends a call the caller aborts without ERROR and without error.type', async () => {
    const { inner, outcomes } = recordingFetch();
    const controller = new AbortController();
    const pending = wrapFetch(inner)(`${server.origin}/hang`, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBe(outcomes[0]);
    expect((error as Error).name).toBe('AbortError');
    const [span] = await otel.spans(1);
    expect(span?.status).toEqual({ code: SpanStatusCode.UNSET });
    expect(span?.attributes[ATTR_ERROR_TYPE]).toBeUndefined();
    expect(span?.attributes['otelware.request.aborted']).toBe(true);
    expect(span?.events).toEqual([]);
  });

  it('treats an abort with the caller’s own reason, and a Request’s signal, as the caller’s abort', async () => {
    const controller = new AbortController();
    const request = new Request(`${server.origin}/hang`, { signal: controller.signal });
    const pending = wrapFetch(fetch)(request);
    setTimeout(() => controller.abort(new Error('shutting down')), 20);
    await expect(pending).rejects.toThrow('shutting down');
    const [span] = await otel.spans(1);
    expect(span?.status.code).toBe(SpanStatusCode.UNSET);
    expect(span?.attributes[ATTR_ERROR_TYPE]).toBeUndefined();
  });

  it('marks a timeout (AbortSignal.timeout) ERROR with error.type TimeoutError', async () => {
    const { inner, outcomes } = recordingFetch();
    const error = await wrapFetch(inner)(`${server.origin}/hang`, {
      signal: AbortSignal.timeout(30),
    }).catch((e: unknown) => e);
    expect(error).toBe(outcomes[0]);
    expect((error as Error).name).toBe('TimeoutError');
    const [span] = await otel.spans(1);
    expect(span?.status.code).toBe(SpanStatusCode.ERROR);
    expect(span?.attributes[ATTR_ERROR_TYPE]).toBe('TimeoutError');
    expect(span?.events.map((event) => event.name)).toEqual(['exception']);
  });

  it('marks a timeout combined with the caller’s signal (AbortSignal.any) as a timeout', async () => {
    const signal = AbortSignal.any([new AbortController().signal, AbortSignal.timeout(30)]);
    await wrapFetch(fetch)(`${server.origin}/hang`, { signal }).catch(() => undefined);
    const [span] = await otel.spans(1);
    expect(span?.attributes[ATTR_ERROR_TYPE]).toBe('TimeoutError');
  });
});
