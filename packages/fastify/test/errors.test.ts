import { SpanStatusCode } from '@opentelemetry/api';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
} from '@opentelemetry/semantic-conventions';
import { exceptionEvents, useTestTracing } from '@otelware/test-support';
import type { FastifyInstance } from 'fastify';
import request from 'supertest';
import { tracing } from '../src';
import { fastifyMajors } from './frameworks';

const otel = useTestTracing();

class PaymentDeclinedError extends Error {}

type Setup = (app: FastifyInstance) => void;

describe.each(fastifyMajors)('errors on Fastify $major', ({ fastify }) => {
  /** The same routes, on an app with the plugin and on one without. */
  async function both(setup: Setup): Promise<[traced: FastifyInstance, bare: FastifyInstance]> {
    const traced = fastify();
    await traced.register(tracing);
    const bare = fastify();
    for (const app of [traced, bare]) {
      setup(app);
      await app.ready();
    }
    return [traced, bare];
  }

  /** GETs `path` from both apps, checks the answers are the same, returns the span. */
  async function sameAnswer(setup: Setup, path: string, status: number) {
    const [traced, bare] = await both(setup);
    const fromTraced = await request(traced.server).get(path);
    const fromBare = await request(bare.server).get(path);
    expect(fromTraced.status).toBe(status);
    expect({ status: fromTraced.status, body: fromTraced.text }).toEqual({
      status: fromBare.status,
      body: fromBare.text,
    });
    const [span] = await otel.serverSpans();
    return span!;
  }

  function expectRecordedError(
    span: Awaited<ReturnType<typeof sameAnswer>>,
    type: string,
    message: string,
  ) {
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message });
    expect(span.attributes[ATTR_ERROR_TYPE]).toBe(type);
    expect(span.attributes[ATTR_HTTP_RESPONSE_STATUS_CODE]).toBe(500);
    const events = exceptionEvents(span);
    expect(events).toHaveLength(1);
    expect(events[0]?.attributes).toMatchObject({ 'exception.message': message });
  }

  it('records a throwing sync handler once, as ERROR with its type name as error.type', async () => {
    const span = await sameAnswer(
      (app) =>
        app.get('/pay/:id', () => {
          throw new PaymentDeclinedError('card declined');
        }),
      '/pay/1',
      500,
    );
    expect(span.name).toBe('GET /pay/:id');
    expectRecordedError(span, 'PaymentDeclinedError', 'card declined');
  });

  it('records an async handler that rejects', async () => {
    const span = await sameAnswer(
      (app) =>
        app.get('/async', async () => {
          await new Promise((resolve) => setTimeout(resolve, 1));
          throw new RangeError('out of range');
        }),
      '/async',
      500,
    );
    expect(span.name).toBe('GET /async');
    expectRecordedError(span, 'RangeError', 'out of range');
  });

  it('records an error thrown in a preHandler hook', async () => {
    const span = await sameAnswer(
      (app) =>
        app.get(
          '/guarded',
          {
            preHandler: async () => {
              throw new TypeError('no session');
            },
          },
          async () => 'never',
        ),
      '/guarded',
      500,
    );
    expect(span.name).toBe('GET /guarded');
    expectRecordedError(span, 'TypeError', 'no session');
  });

  it('records the error when the app error handler answers 500 itself', async () => {
    const span = await sameAnswer(
      (app) => {
        app.setErrorHandler((error, _request, reply) => {
          void reply.code(500).send({ sorry: (error as Error).message });
        });
        app.get('/boom', () => {
          throw new PaymentDeclinedError('declined');
        });
      },
      '/boom',
      500,
    );
    expect(span.name).toBe('GET /boom');
    expectRecordedError(span, 'PaymentDeclinedError', 'declined');
  });

  it('leaves the span UNSET when a custom error handler answers 400', async () => {
    const span = await sameAnswer(
      (app) => {
        app.setErrorHandler((_error, _request, reply) => {
          void reply.code(400).send({ error: 'bad request' });
        });
        app.get('/validate', () => {
          throw new TypeError('missing field');
        });
      },
      '/validate',
      400,
    );
    expect(span.status).toEqual({ code: SpanStatusCode.UNSET });
    expect(span.attributes[ATTR_HTTP_RESPONSE_STATUS_CODE]).toBe(400);
    expect(span.attributes).not.toHaveProperty(ATTR_ERROR_TYPE);
    expect(exceptionEvents(span)).toHaveLength(0);
  });

  it('does not mark a 404 sent by a handler as an error', async () => {
    const span = await sameAnswer(
      (app) =>
        app.get('/missing/:id', (_request, reply) => {
          void reply.code(404).send();
        }),
      '/missing/1',
      404,
    );
    expect(span.name).toBe('GET /missing/:id');
    expect(span.status).toEqual({ code: SpanStatusCode.UNSET });
    expect(span.attributes[ATTR_HTTP_RESPONSE_STATUS_CODE]).toBe(404);
    expect(span.attributes).not.toHaveProperty(ATTR_ERROR_TYPE);
  });

  it('marks a 503 sent without an exception as ERROR with the status code as error type', async () => {
    const span = await sameAnswer(
      (app) =>
        app.get('/unavailable', (_request, reply) => {
          void reply.code(503).send('later');
        }),
      '/unavailable',
      503,
    );
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR });
    expect(span.attributes[ATTR_ERROR_TYPE]).toBe('503');
    expect(exceptionEvents(span)).toHaveLength(0);
  });

  it('marks a 4xx error with a statusCode (as Fastify answers it) UNSET, without exception', async () => {
    const span = await sameAnswer(
      (app) =>
        app.get('/teapot', () => {
          throw Object.assign(new Error('short and stout'), { statusCode: 418 });
        }),
      '/teapot',
      418,
    );
    expect(span.status).toEqual({ code: SpanStatusCode.UNSET });
    expect(exceptionEvents(span)).toHaveLength(0);
  });

  it('passes the same error object on to the app error handler', async () => {
    const thrown = new PaymentDeclinedError('same object');
    let received: unknown;
    const [traced] = await both((app) => {
      app.setErrorHandler((error, _request, reply) => {
        received = error;
        void reply.code(502).send('upstream');
      });
      app.get('/same', () => {
        throw thrown;
      });
    });
    await request(traced.server).get('/same').expect(502, 'upstream');
    expect(received).toBe(thrown);
  });
});
