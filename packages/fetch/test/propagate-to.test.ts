import { SpanKind } from '@opentelemetry/api';
import { useTestTracing } from '@otelware/test-support';
import { wrapFetch } from '../src';
import { startLocalServer, type LocalServer } from './local-server';

const otel = useTestTracing();
let server: LocalServer;

beforeAll(async () => {
  server = await startLocalServer();
});
afterAll(() => server.close());

async function sentTraceparent(
  fetchFn: typeof fetch,
  path = '/',
): Promise<string | string[] | undefined> {
  otel.exporter.reset();
  await fetchFn(`${server.origin}${path}`);
  const [span] = await otel.spans(1);
  expect(span?.kind).toBe(SpanKind.CLIENT); // the span is recorded either way
  return server.received.at(-1)?.headers.traceparent;
}

describe('the propagateTo option', () => {
  it('by default sends trace headers to every destination', async () => {
    expect(await sentTraceparent(wrapFetch(fetch))).toBeDefined();
  });

  it.each([
    'X-Amz-Signature=abc&X-Amz-Credential=k',
    'X-Goog-Signature=abc',
    'AWSAccessKeyId=k&Signature=s&Expires=1',
    'sv=2024&sig=abc',
    'a=1&X-Amz-Security-Token=t',
  ])(
    'by default sends none to a signed URL (?%s), whose request must go out as signed',
    async (query) => {
      expect(await sentTraceparent(wrapFetch(fetch), `/object?${query}`)).toBeUndefined();
    },
  );

  it('sends them only to the listed origins', async () => {
    const listed = wrapFetch(fetch, { propagateTo: [server.origin] });
    const other = wrapFetch(fetch, { propagateTo: ['https://api.example.com'] });
    expect(await sentTraceparent(listed)).toBeDefined();
    expect(await sentTraceparent(other)).toBeUndefined();
  });

  it('compares origins, not prefixes: another port does not match', async () => {
    const otherPort = wrapFetch(fetch, { propagateTo: [`http://127.0.0.1:${server.port + 1}`] });
    expect(await sentTraceparent(otherPort)).toBeUndefined();
  });

  it('tests RegExps against the full URL, also /g ones on every call', async () => {
    const matching = wrapFetch(fetch, { propagateTo: [/\/internal\//g] });
    expect(await sentTraceparent(matching, '/internal/a')).toBeDefined();
    expect(await sentTraceparent(matching, '/internal/b')).toBeDefined();
    expect(await sentTraceparent(matching, '/public/c')).toBeUndefined();
  });

  it('asks a function with the destination URL', async () => {
    const seen: string[] = [];
    const decide = wrapFetch(fetch, {
      propagateTo: (url) => {
        seen.push(url.pathname);
        return url.pathname === '/yes';
      },
    });
    expect(await sentTraceparent(decide, '/yes')).toBeDefined();
    expect(await sentTraceparent(decide, '/no')).toBeUndefined();
    expect(seen).toEqual(['/yes', '/no']);
  });

  it('lets a function decide for signed URLs too', async () => {
    const always = wrapFetch(fetch, { propagateTo: () => true });
    expect(await sentTraceparent(always, '/object?X-Amz-Signature=abc')).toBeDefined();
  });

  it('sends no headers, and still answers, when the function throws', async () => {
    const throwing = wrapFetch(fetch, {
      propagateTo: () => {
        throw new Error('bug in the user’s filter');
      },
    });
    expect(await sentTraceparent(throwing)).toBeUndefined();
  });

  it.each([
    ['a string', 'https://api.example.com'],
    ['a list with a non-URL', ['api.example.com']],
    ['a list with a number', [42]],
  ])('rejects %s at startup with a TypeError', (_what, propagateTo) => {
    expect(() => wrapFetch(fetch, { propagateTo: propagateTo as never })).toThrow(TypeError);
  });
});
