import { SpanStatusCode } from '@opentelemetry/api';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
} from '@opentelemetry/semantic-conventions';
import { exceptionEvents, useTestTracing } from '@otelware/test-support';
import type { NextFunction, Request, Response } from 'express';
import request from 'supertest';
import { tracing } from '../src';
import { expressMajors } from './frameworks';

const otel = useTestTracing();

class PaymentDeclinedError extends Error {}

describe.each(expressMajors)('errors on Express $major', ({ major, express }) => {
  function app() {
    const created = express();
    created.set('env', 'test'); // keeps finalhandler from logging the stack
    created.use(tracing());
    return created;
  }

  it('records a synchronous throw once, as ERROR with its type name as error.type', async () => {
    const target = app();
    target.get('/pay/:id', () => {
      throw new PaymentDeclinedError('card declined');
    });
    await request(target).get('/pay/1').expect(500);
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

  it('records an error passed to next(err)', async () => {
    const target = app();
    target.get('/next', (_req: Request, _res: Response, next: NextFunction) => {
      setImmediate(() => next(new TypeError('bad input shape')));
    });
    await request(target).get('/next').expect(500);
    const [span] = await otel.serverSpans();
    expect(span?.status.code).toBe(SpanStatusCode.ERROR);
    expect(span?.attributes[ATTR_ERROR_TYPE]).toBe('TypeError');
    expect(exceptionEvents(span!)).toHaveLength(1);
  });

  if (major === 5) {
    it('records an async handler that rejects', async () => {
      const target = app();
      target.get('/async', async () => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        throw new RangeError('out of range');
      });
      await request(target).get('/async').expect(500);
      const [span] = await otel.serverSpans();
      expect(span?.name).toBe('GET /async');
      expect(span?.status.code).toBe(SpanStatusCode.ERROR);
      expect(span?.attributes[ATTR_ERROR_TYPE]).toBe('RangeError');
      expect(exceptionEvents(span!)).toHaveLength(1);
    });
  }

  it('leaves the span UNSET when an error middleware answers 400', async () => {
    const target = app();
    target.get('/validate', () => {
      throw new TypeError('missing field');
    });
    target.use((_err: Error, _req: Request, res: Response, _next: NextFunction) => {
      res.status(400).json({ error: 'bad request' });
    });
    const response = await request(target).get('/validate').expect(400);
    expect(response.body).toEqual({ error: 'bad request' });
    const [span] = await otel.serverSpans();
    expect(span?.status).toEqual({ code: SpanStatusCode.UNSET });
    expect(span?.attributes).not.toHaveProperty(ATTR_ERROR_TYPE);
    expect(exceptionEvents(span!)).toHaveLength(0);
  });

  it('marks ERROR with the error type when an error middleware answers 500', async () => {
    const target = app();
    const router = express.Router();
    router.get('/boom', () => {
      throw new PaymentDeclinedError('declined');
    });
    router.use((_err: Error, _req: Request, res: Response, _next: NextFunction) => {
      res.status(500).send('sorry');
    });
    target.use('/shop', router);
    const response = await request(target).get('/shop/boom').expect(500);
    expect(response.text).toBe('sorry');
    const [span] = await otel.serverSpans();
    expect(span?.name).toBe('GET /shop/boom');
    expect(span?.status.code).toBe(SpanStatusCode.ERROR);
    expect(span?.attributes[ATTR_ERROR_TYPE]).toBe('PaymentDeclinedError');
    expect(exceptionEvents(span!)).toHaveLength(1);
  });

  it('keeps the route of a router whose error an app-level error middleware answers', async () => {
    const target = app();
    const api = express.Router();
    const users = express.Router();
    users.get('/:id', () => {
      throw new PaymentDeclinedError('declined');
    });
    api.use('/users', users);
    target.use('/api', api);
    target.use((_err: Error, _req: Request, res: Response, _next: NextFunction) => {
      res.status(500).json({ error: 'internal' });
    });
    await request(target).get('/api/users/3').expect(500);
    const [span] = await otel.serverSpans();
    expect(span?.name).toBe('GET /api/users/:id');
    expect(span?.status.code).toBe(SpanStatusCode.ERROR);
    expect(span?.attributes[ATTR_ERROR_TYPE]).toBe('PaymentDeclinedError');
  });

  it('records the error of a sub-app route that the parent app answers', async () => {
    const target = app();
    const admin = express();
    admin.get('/reports/:id', () => {
      throw new PaymentDeclinedError('from the sub-app');
    });
    target.use('/admin', admin);
    target.use((_err: Error, _req: Request, res: Response, _next: NextFunction) => {
      res.status(500).send('parent answered');
    });
    await request(target).get('/admin/reports/1').expect(500, 'parent answered');
    const [span] = await otel.serverSpans();
    expect(span?.status.code).toBe(SpanStatusCode.ERROR);
    expect(span?.attributes[ATTR_ERROR_TYPE]).toBe('PaymentDeclinedError');
    expect(exceptionEvents(span!)).toHaveLength(1);
  });

  it('marks a 5xx answered without an exception as ERROR with the status code as error type', async () => {
    const target = app();
    target.get('/unavailable', (_req: Request, res: Response) => {
      res.status(503).send('later');
    });
    await request(target).get('/unavailable').expect(503);
    const [span] = await otel.serverSpans();
    expect(span?.status).toEqual({ code: SpanStatusCode.ERROR });
    expect(span?.attributes[ATTR_ERROR_TYPE]).toBe('503');
    expect(exceptionEvents(span!)).toHaveLength(0);
  });

  it('does not mark a 4xx answer as an error', async () => {
    const target = app();
    target.get('/missing/:id', (_req: Request, res: Response) => {
      res.status(404).json({ error: 'not found' });
    });
    await request(target).get('/missing/1').expect(404);
    const [span] = await otel.serverSpans();
    expect(span?.status).toEqual({ code: SpanStatusCode.UNSET });
    expect(span?.attributes[ATTR_HTTP_RESPONSE_STATUS_CODE]).toBe(404);
    expect(span?.attributes).not.toHaveProperty(ATTR_ERROR_TYPE);
  });

  it('passes the same error object to the app error handler, with error handlers still recognised', async () => {
    const target = app();
    const thrown = new PaymentDeclinedError('same object');
    let received: unknown;
    target.get('/same', () => {
      throw thrown;
    });
    target.use((err: Error, _req: Request, res: Response, _next: NextFunction) => {
      received = err;
      res.status(502).send('upstream');
    });
    await request(target).get('/same').expect(502);
    expect(received).toBe(thrown);
  });

  it('answers an unhandled error exactly as an untraced app does', async () => {
    const build = (traced: boolean) => {
      const created = express();
      created.set('env', 'production'); // no stack trace in the body, so bodies compare
      if (traced) created.use(tracing());
      created.get('/fail', () => {
        throw Object.assign(new Error('teapot'), { status: 418 });
      });
      return created;
    };
    // Express logs the 500 after the test has finished, so the spy stays for the file
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const untraced = await request(build(false)).get('/fail');
    const traced = await request(build(true)).get('/fail');
    expect(traced.status).toBe(untraced.status);
    expect(traced.text).toBe(untraced.text);
    const [span] = await otel.serverSpans();
    expect(span?.status.code).toBe(SpanStatusCode.UNSET);
  });
});
