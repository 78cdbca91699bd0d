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
import { useTestTracing } from '@otelware/test-support';
import request from 'supertest';
import { tracing, type TracingOptions } from '../src';
import { fastifyMajors } from './frameworks';

const otel = useTestTracing();

describe.each(fastifyMajors)('attributes on Fastify $major', ({ fastify }) => {
  async function app(options: TracingOptions = {}) {
    const created = fastify();
    await created.register(tracing, options);
    created.get('/search/:kind', async () => []);
    created.get('/', async () => 'ok');
    await created.ready();
    return created;
  }

  it('records exactly the stable HTTP server attributes', async () => {
    const target = await app();
    await request(target.server)
      .get('/search/books?q=tea&X-Amz-Signature=secret')
      .set('Host', 'shop.example.com:8443')
      .set('User-Agent', 'otelware-test/1.0')
      .expect(200);
    const [span] = await otel.serverSpans();
    expect(span?.kind).toBe(SpanKind.SERVER);
    expect(span?.instrumentationScope.name).toBe('@otelware/fastify');
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

  it('reads scheme, host and client from Forwarded before X-Forwarded-*', async () => {
    const target = await app();
    await request(target.server)
      .get('/')
      .set({
        Forwarded: 'for="[2001:db8::17]:4711";proto=https;host=api.example.com',
        'X-Forwarded-For': '198.51.100.1',
        'X-Forwarded-Proto': 'http',
      })
      .expect(200);
    const [span] = await otel.serverSpans();
    expect(span?.attributes).toMatchObject({
      [ATTR_URL_SCHEME]: 'https',
      [ATTR_SERVER_ADDRESS]: 'api.example.com',
      [ATTR_SERVER_PORT]: 443,
      [ATTR_CLIENT_ADDRESS]: '2001:db8::17',
    });
  });

  it('records an unknown method as _OTHER with the original, and names the span HTTP', async () => {
    const target = await app();
    // Fastify answers a method it has no route for with 404
    await request(target.server).purge('/cache').expect(404);
    const [span] = await otel.serverSpans();
    expect(span?.name).toBe('HTTP');
    expect(span?.attributes[ATTR_HTTP_REQUEST_METHOD]).toBe('_OTHER');
    expect(span?.attributes[ATTR_HTTP_REQUEST_METHOD_ORIGINAL]).toBe('PURGE');
  });

  it('records only the headers named in captureHeaders, as string arrays', async () => {
    const target = await app({
      captureHeaders: { request: ['X-Request-Id'], response: ['content-type'] },
    });
    await request(target.server)
      .get('/search/all')
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
});
