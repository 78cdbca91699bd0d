import { SpanStatusCode } from '@opentelemetry/api';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
} from '@opentelemetry/semantic-conventions';
import { exceptionEvents, useTestTracing } from '@otelware/test-support';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { nestPlatforms } from './frameworks';
import { nestApp } from './nest-app';

const otel = useTestTracing();

describe.each(nestPlatforms)('exceptions on Nest $major on $platform', ({ nest, platform }) => {
  let app: INestApplication;
  afterEach(() => app.close());

  it("records a controller's Error as ERROR, with its class as error.type", async () => {
    app = await nestApp(nest, platform);
    await request(app.getHttpServer())
      .get('/api/users/7/pay')
      .expect(500, { statusCode: 500, message: 'Internal server error' });
    const [span] = await otel.serverSpans();
    expect(span?.name).toBe('GET /api/users/:id/pay');
    expect(span?.status).toEqual({ code: SpanStatusCode.ERROR, message: 'card declined' });
    expect(span?.attributes[ATTR_ERROR_TYPE]).toBe('PaymentDeclinedError');
    expect(span?.attributes[ATTR_HTTP_RESPONSE_STATUS_CODE]).toBe(500);
    const events = exceptionEvents(span!);
    expect(events).toHaveLength(1);
    expect(events[0]?.attributes).toMatchObject({
      'exception.type': 'Error',
      'exception.message': 'card declined',
    });
  });

  it('does not mark a NotFoundException (404) as an error', async () => {
    app = await nestApp(nest, platform);
    await request(app.getHttpServer()).get('/api/users/7/missing').expect(404);
    const [span] = await otel.serverSpans();
    expect(span?.name).toBe('GET /api/users/:id/missing');
    expect(span?.status).toEqual({ code: SpanStatusCode.UNSET });
    expect(span?.attributes[ATTR_ERROR_TYPE]).toBeUndefined();
    expect(span?.attributes[ATTR_HTTP_RESPONSE_STATUS_CODE]).toBe(404);
    expect(span?.events).toEqual([]);
  });

  it('records a 5xx HttpException with its class as error.type', async () => {
    app = await nestApp(nest, platform);
    await request(app.getHttpServer()).get('/api/users/7/unavailable').expect(503);
    const [span] = await otel.serverSpans();
    expect(span?.status).toEqual({ code: SpanStatusCode.ERROR, message: 'try later' });
    expect(span?.attributes[ATTR_ERROR_TYPE]).toBe('ServiceUnavailableException');
    expect(span?.attributes[ATTR_HTTP_RESPONSE_STATUS_CODE]).toBe(503);
    const events = exceptionEvents(span!);
    expect(events).toHaveLength(1);
    expect(events[0]?.attributes).toMatchObject({
      'exception.type': 'ServiceUnavailableException',
      'exception.message': 'try later',
    });
  });

  it('records an exception thrown by a pipe', async () => {
    app = await nestApp(nest, platform);
    await request(app.getHttpServer()).get('/api/users/7/report').expect(500);
    const [span] = await otel.serverSpans();
    expect(span?.name).toBe('GET /api/users/:id/report');
    expect(span?.status).toEqual({ code: SpanStatusCode.ERROR, message: 'no such report' });
    expect(span?.attributes[ATTR_ERROR_TYPE]).toBe('RangeError');
    expect(exceptionEvents(span!)).toHaveLength(1);
  });

  it("records an exception thrown by a controller's interceptor", async () => {
    app = await nestApp(nest, platform);
    await request(app.getHttpServer()).get('/api/users/7/quota').expect(500);
    const [span] = await otel.serverSpans();
    expect(span?.name).toBe('GET /api/users/:id/quota');
    expect(span?.status).toEqual({ code: SpanStatusCode.ERROR, message: 'quota table unreadable' });
    expect(span?.attributes[ATTR_ERROR_TYPE]).toBe('SyntaxError');
    expect(exceptionEvents(span!)).toHaveLength(1);
  });

  it("keeps the app's own global exception filter's answer and records the exception", async () => {
    app = await nestApp(nest, platform, { ownFilter: true });
    await request(app.getHttpServer())
      .get('/api/users/7/pay')
      .expect(599, { own: true, type: 'PaymentDeclinedError' });
    const [span] = await otel.serverSpans();
    expect(span?.status).toEqual({ code: SpanStatusCode.ERROR, message: 'card declined' });
    expect(span?.attributes[ATTR_ERROR_TYPE]).toBe('PaymentDeclinedError');
    expect(span?.attributes[ATTR_HTTP_RESPONSE_STATUS_CODE]).toBe(599);
    expect(exceptionEvents(span!)).toHaveLength(1);
  });
});
