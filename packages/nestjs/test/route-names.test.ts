import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import {
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
} from '@opentelemetry/semantic-conventions';
import { useTestTracing } from '@otelware/test-support';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { nestPlatforms } from './frameworks';
import { nestApp } from './nest-app';

const otel = useTestTracing();

describe.each(nestPlatforms)('spans of Nest $major on $platform', ({ nest, platform }) => {
  let app: INestApplication;
  beforeEach(async () => {
    app = await nestApp(nest, platform);
  });
  afterEach(() => app.close());

  it('names the SERVER span by the global prefix and the route template', async () => {
    await request(app.getHttpServer()).get('/api/users/7').expect(200, { id: '7' });
    const spans = await otel.spans();
    expect(spans).toHaveLength(1);
    const [span] = spans;
    expect(span?.kind).toBe(SpanKind.SERVER);
    expect(span?.name).toBe('GET /api/users/:id');
    expect(span?.attributes[ATTR_HTTP_ROUTE]).toBe('/api/users/:id');
    expect(span?.attributes[ATTR_HTTP_RESPONSE_STATUS_CODE]).toBe(200);
  });

  it('names a request no route matched by its method alone, not as an error', async () => {
    await request(app.getHttpServer()).get('/api/no/such/page').expect(404);
    const [span] = await otel.serverSpans();
    expect(span?.name).toBe('GET');
    expect(span?.attributes[ATTR_HTTP_ROUTE]).toBeUndefined();
    expect(span?.attributes[ATTR_HTTP_RESPONSE_STATUS_CODE]).toBe(404);
    expect(span?.status).toEqual({ code: SpanStatusCode.UNSET });
  });

  it("continues the caller's trace from traceparent", async () => {
    const traceId = '0af7651916cd43dd8448eb211c80319c';
    const parentId = 'b7ad6b7169203331';
    await request(app.getHttpServer())
      .get('/api/users/7')
      .set('traceparent', `00-${traceId}-${parentId}-01`)
      .expect(200);
    const [span] = await otel.serverSpans();
    expect(span?.spanContext().traceId).toBe(traceId);
    expect(span?.parentSpanContext?.spanId).toBe(parentId);
  });
});
