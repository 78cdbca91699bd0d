import { SpanKind } from '@opentelemetry/api';
import {
  ATTR_CLIENT_ADDRESS,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_REQUEST_METHOD_ORIGINAL,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_NETWORK_PROTOCOL_VERSION,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_URL_PATH,
  ATTR_URL_QUERY,
  ATTR_URL_SCHEME,
  ATTR_USER_AGENT_ORIGINAL,
} from '@opentelemetry/semantic-conventions';
import type { TracingOptions } from '@otelware/core';
import request from 'supertest';
import type { TestTracing } from './test-tracing';

type Target = Parameters<typeof request>[0];

/** The adapter under test, as the attributes suite needs it. */
export interface AttributesSubject {
  /** The adapter package, the span's instrumentation scope: `@otelware/koa`. */
  readonly scope: string;
  /**
   * An app traced with `options` whose routes are `GET /search/:kind`, answering
   * `200` with the JSON `[]`, and `GET /`, answering `200` with `ok`.
   */
  serve(options?: TracingOptions): Target | Promise<Target>;
  /** The status the app answers `PURGE /cache` with (no route serves it). */
  readonly unknownMethodStatus: number;
}

/**
 * The attributes every server adapter records (the core's rules, seen through a
 * real app): call it inside the adapter's `describe`.
 */
export function attributesSuite(otel: TestTracing, subject: AttributesSubject): void {
  const app = async (options?: TracingOptions) => subject.serve(options);

  it('records exactly the stable HTTP server attributes', async () => {
    await request(await app())
      .get('/search/books?q=tea&X-Amz-Signature=secret')
      .set('Host', 'shop.example.com:8443')
      .set('User-Agent', 'otelware-test/1.0')
      .expect(200);
    const [span] = await otel.serverSpans();
    expect(span?.kind).toBe(SpanKind.SERVER);
    expect(span?.instrumentationScope.name).toBe(subject.scope);
    expect(span?.attributes).toEqual({
      [ATTR_HTTP_REQUEST_METHOD]: 'GET',
      [ATTR_URL_PATH]: '/search/books',
      [ATTR_URL_QUERY]: 'q=tea&X-Amz-Signature=REDACTED',
      [ATTR_URL_SCHEME]: 'http',
      [ATTR_SERVER_ADDRESS]: 'shop.example.com',
      [ATTR_SERVER_PORT]: 8443,
      [ATTR_CLIENT_ADDRESS]: expect.stringMatching(/^(::ffff:)?127\.0\.0\.1$|^::1$/),
      [ATTR_USER_AGENT_ORIGINAL]: 'otelware-test/1.0',
      [ATTR_NETWORK_PROTOCOL_VERSION]: '1.1',
      [ATTR_HTTP_ROUTE]: '/search/:kind',
      [ATTR_HTTP_RESPONSE_STATUS_CODE]: 200,
    });
  });

  /** The address attributes of a GET / sent with `headers`. */
  async function addressesFor(headers: Record<string, string>) {
    await request(await app())
      .get('/')
      .set(headers)
      .expect(200);
    const [span] = await otel.serverSpans();
    const { attributes = {} } = span ?? {};
    return [ATTR_URL_SCHEME, ATTR_SERVER_ADDRESS, ATTR_SERVER_PORT, ATTR_CLIENT_ADDRESS].map(
      (key) => attributes[key],
    );
  }

  it('reads scheme, host and client from Forwarded before X-Forwarded-*', async () => {
    const addresses = await addressesFor({
      Forwarded: 'for="[2001:db8::17]:4711";proto=https;host=api.example.com',
      'X-Forwarded-For': '198.51.100.1',
      'X-Forwarded-Proto': 'http',
    });
    expect(addresses).toEqual(['https', 'api.example.com', 443, '2001:db8::17']);
  });

  it('reads X-Forwarded-For, -Proto and -Host when there is no Forwarded header', async () => {
    const addresses = await addressesFor({
      'X-Forwarded-For': '203.0.113.9, 10.0.0.1',
      'X-Forwarded-Proto': 'https',
      'X-Forwarded-Host': 'www.example.org',
    });
    expect(addresses).toEqual(['https', 'www.example.org', 443, '203.0.113.9']);
  });

  it('records an unknown method as _OTHER with the original, and names the span HTTP', async () => {
    await request(await app())
      .purge('/cache')
      .expect(subject.unknownMethodStatus);
    const [span] = await otel.serverSpans();
    expect(span?.name).toBe('HTTP');
    expect(span?.attributes[ATTR_HTTP_REQUEST_METHOD]).toBe('_OTHER');
    expect(span?.attributes[ATTR_HTTP_REQUEST_METHOD_ORIGINAL]).toBe('PURGE');
  });

  it('records only the headers named in captureHeaders, as string arrays', async () => {
    await request(
      await app({ captureHeaders: { request: ['X-Request-Id'], response: ['content-type'] } }),
    )
      .get('/search/tea')
      .set('X-Request-Id', 'abc-123')
      .set('Authorization', 'Bearer secret')
      .expect(200);
    const [span] = await otel.serverSpans();
    expect(span?.attributes['http.request.header.x-request-id']).toEqual(['abc-123']);
    expect(span?.attributes['http.response.header.content-type']).toEqual([
      'application/json; charset=utf-8',
    ]);
    expect(
      Object.keys(span?.attributes ?? {}).filter((key) => key.includes('authorization')),
    ).toEqual([]);
  });
}
