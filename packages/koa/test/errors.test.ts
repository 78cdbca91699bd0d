import Router, { type RouterMiddleware } from '@koa/router';
import { SpanStatusCode } from '@opentelemetry/api';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
} from '@opentelemetry/semantic-conventions';
import { exceptionEvents, useTestTracing } from '@otelware/test-support';
import type Koa from 'koa';
import request from 'supertest';
import { tracing } from '../src';
import { koaMajors } from './frameworks';

const otel = useTestTracing();

class PaymentDeclinedError extends Error {}

describe.each(koaMajors)('errors on Koa $major', ({ Koa: KoaClass }) => {
  /** An app (traced or not) whose router serves `path` with `handler`. */
  function appWith(path: string, handler: RouterMiddleware, traced = true): Koa {
    const app = new KoaClass();
    app.silent = true; // keeps Koa's default error listener from logging
    if (traced) app.use(tracing());
    const router = new Router();
    router.get(path, handler);
    app.use(router.routes());
    return app;
  }

  it('records a thrown error once, as ERROR with its type name as error.type', async () => {
    const target = appWith('/pay/:id', () => {
      throw new PaymentDeclinedError('card declined');
    });
    await request(target.callback()).get('/pay/1').expect(500, 'Internal Server Error');
    const [span] = await otel.serverSpans();
    expect(span?.name).toBe('GET /pay/:id');
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

  it('records an async handler that rejects after an await', async () => {
    const target = appWith('/async', async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      throw new RangeError('out of range');
    });
    await request(target.callback()).get('/async').expect(500);
    const [span] = await otel.serverSpans();
    expect(span?.name).toBe('GET /async');
    expect(span?.status.code).toBe(SpanStatusCode.ERROR);
    expect(span?.attributes[ATTR_ERROR_TYPE]).toBe('RangeError');
    expect(exceptionEvents(span!)).toHaveLength(1);
  });

  it("fires the app's error listener exactly as without tracing, with the same error object", async () => {
    const thrown = new PaymentDeclinedError('same object');
    const listen = async (traced: boolean) => {
      const target = appWith(
        '/same',
        () => {
          throw thrown;
        },
        traced,
      );
      const calls: Array<{ error: unknown; status: number; path: string }> = [];
      target.on('error', (error: unknown, ctx: Koa.Context) => {
        calls.push({ error, status: ctx.status, path: ctx.path });
      });
      const response = await request(target.callback()).get('/same');
      return { calls, status: response.status, body: response.text };
    };
    const untraced = await listen(false);
    const traced = await listen(true);
    expect(traced).toEqual(untraced);
    expect(traced.calls).toHaveLength(1);
    expect(traced.calls[0]?.error).toBe(thrown);
  });

  it.each([
    [404, undefined, 'Not Found'],
    [400, 'missing field "name"', 'missing field "name"'],
  ])(
    'leaves ctx.throw(%i) UNSET with no exception, answered as without tracing',
    async (status, message, body) => {
      const handler: RouterMiddleware = (ctx) => {
        if (message === undefined) ctx.throw(status);
        else ctx.throw(status, message);
      };
      const untraced = await request(appWith('/items/:id', handler, false).callback()).get(
        '/items/1',
      );
      const traced = await request(appWith('/items/:id', handler).callback()).get('/items/1');
      expect({ status: traced.status, body: traced.text }).toEqual({
        status: untraced.status,
        body: untraced.text,
      });
      expect(traced.status).toBe(status);
      expect(traced.text).toBe(body);
      const [span] = await otel.serverSpans();
      expect(span?.name).toBe('GET /items/:id');
      expect(span?.status).toEqual({ code: SpanStatusCode.UNSET });
      expect(span?.attributes[ATTR_HTTP_RESPONSE_STATUS_CODE]).toBe(status);
      expect(span?.attributes).not.toHaveProperty(ATTR_ERROR_TYPE);
      expect(exceptionEvents(span!)).toHaveLength(0);
    },
  );

  it('marks ctx.throw(503) as ERROR, recording the HTTP error once', async () => {
    const target = appWith('/later', (ctx) => {
      ctx.throw(503, 'down for maintenance');
    });
    await request(target.callback()).get('/later').expect(503);
    const [span] = await otel.serverSpans();
    expect(span?.status).toEqual({ code: SpanStatusCode.ERROR, message: 'down for maintenance' });
    expect(span?.attributes[ATTR_ERROR_TYPE]).toBe('ServiceUnavailableError');
    expect(exceptionEvents(span!)).toHaveLength(1);
  });

  /** An app whose own error middleware, mounted after tracing, answers errors with `status`. */
  function appHandlingErrors(status: number): Koa {
    const app = new KoaClass();
    app.use(tracing());
    app.use(async (ctx, next) => {
      try {
        await next();
      } catch {
        ctx.status = status;
        ctx.body = { error: 'handled' };
      }
    });
    const router = new Router();
    router.get('/orders/:id', () => {
      throw new PaymentDeclinedError('declined');
    });
    app.use(router.routes());
    return app;
  }

  it('marks ERROR when an upstream middleware handles the error with ctx.status = 500', async () => {
    const response = await request(appHandlingErrors(500).callback()).get('/orders/1').expect(500);
    expect(response.body).toEqual({ error: 'handled' });
    const [span] = await otel.serverSpans();
    expect(span?.name).toBe('GET /orders/:id');
    expect(span?.status).toEqual({ code: SpanStatusCode.ERROR });
    // the error never reached the tracing middleware: the status code is all it knows
    expect(span?.attributes[ATTR_ERROR_TYPE]).toBe('500');
    expect(exceptionEvents(span!)).toHaveLength(0);
  });

  it('leaves the span UNSET when an upstream middleware handles the error with a 4xx', async () => {
    await request(appHandlingErrors(422).callback()).get('/orders/1').expect(422);
    const [span] = await otel.serverSpans();
    expect(span?.status).toEqual({ code: SpanStatusCode.UNSET });
    expect(span?.attributes).not.toHaveProperty(ATTR_ERROR_TYPE);
  });

  it('marks a 5xx set without an exception as ERROR with the status code as error type', async () => {
    const target = appWith('/unavailable', (ctx) => {
      ctx.status = 503;
      ctx.body = 'later';
    });
    await request(target.callback()).get('/unavailable').expect(503);
    const [span] = await otel.serverSpans();
    expect(span?.status).toEqual({ code: SpanStatusCode.ERROR });
    expect(span?.attributes[ATTR_ERROR_TYPE]).toBe('503');
    expect(exceptionEvents(span!)).toHaveLength(0);
  });

  it('answers an error carrying its own status (418) exactly as an untraced app', async () => {
    const handler: RouterMiddleware = () => {
      throw Object.assign(new Error('teapot'), { status: 418, expose: true });
    };
    const untraced = await request(appWith('/tea', handler, false).callback()).get('/tea');
    const traced = await request(appWith('/tea', handler).callback()).get('/tea');
    expect(traced.status).toBe(418);
    expect({ status: traced.status, body: traced.text }).toEqual({
      status: untraced.status,
      body: untraced.text,
    });
    const [span] = await otel.serverSpans();
    expect(span?.status.code).toBe(SpanStatusCode.UNSET);
  });
});
