import Router from '@koa/router';
import { SpanStatusCode } from '@opentelemetry/api';
import { ATTR_HTTP_RESPONSE_STATUS_CODE } from '@opentelemetry/semantic-conventions';
import { ATTR_OTELWARE_ABORTED } from '@otelware/core';
import { countSpanEnds, createTestProvider } from '@otelware/test-support';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { tracing } from '../src';
import { koaMajors } from './frameworks';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts a server for `listener` and returns its port and a way to close it. */
function serve(listener: http.RequestListener): { port: number; close: () => void } {
  const server = http.createServer(listener).listen(0);
  return { port: (server.address() as AddressInfo).port, close: () => server.close() };
}

describe.each(koaMajors)('streamed bodies and client aborts on Koa $major', ({ Koa }) => {
  /** A traced app whose route answers with `stream`; `events` notes when the middleware chain returns. */
  function streamingApp(stream: PassThrough) {
    const sdk = createTestProvider();
    const counted = countSpanEnds(sdk.provider);
    const app = new Koa();
    app.silent = true;
    app.use(tracing({ tracerProvider: counted.provider }));
    const events: string[] = [];
    app.use(async (_ctx, next) => {
      await next();
      events.push('middleware chain returned');
    });
    const router = new Router();
    router.get('/export/:id', (ctx) => {
      ctx.type = 'text/plain';
      ctx.body = stream;
    });
    app.use(router.routes());
    return { app, sdk, counted, events };
  }

  it('ends the span when a streamed body finishes, not when the middleware chain returns', async () => {
    const stream = new PassThrough();
    const { app, sdk, counted, events } = streamingApp(stream);
    const { port, close } = serve(app.callback());
    try {
      const body = await new Promise<string>((resolve, reject) => {
        http
          .get({ port, path: '/export/1' }, (response) => {
            let text = '';
            response.on('data', (chunk: Buffer) => {
              if (text === '') {
                // the chain has returned and the client has bytes, yet the response goes on
                events.push(
                  `spans ended at first chunk: ${sdk.exporter.getFinishedSpans().length}`,
                );
                setTimeout(() => stream.end('last row\n'), 20);
              }
              text += chunk.toString();
            });
            response.on('end', () => resolve(text));
          })
          .on('error', reject);
        stream.write('first row\n');
      });
      expect(body).toBe('first row\nlast row\n');
    } finally {
      close();
    }
    const [span] = await sdk.spans(1);
    expect(events).toEqual(['middleware chain returned', 'spans ended at first chunk: 0']);
    expect(span?.name).toBe('GET /export/:id');
    expect(span?.attributes[ATTR_HTTP_RESPONSE_STATUS_CODE]).toBe(200);
    expect(span?.attributes).not.toHaveProperty(ATTR_OTELWARE_ABORTED);
    expect(span?.status.code).toBe(SpanStatusCode.UNSET);
    expect([...counted.ends.values()]).toEqual([1]);
  });

  it('ends the span exactly once, marked aborted, when the client leaves mid-stream', async () => {
    const stream = new PassThrough();
    const { app, sdk, counted } = streamingApp(stream);
    const { port, close } = serve(app.callback());
    try {
      await new Promise<void>((resolve) => {
        const outgoing = http.get({ port, path: '/export/2' }, (response) => {
          response.once('data', () => outgoing.destroy()); // the client goes away mid-stream
        });
        outgoing.on('close', () => resolve());
        outgoing.on('error', () => resolve());
        stream.write('first row\n');
      });
      const [span] = await sdk.spans(1);
      // the stream would go on: Koa has destroyed it, and nothing ends the span again
      await sleep(30);
      expect(stream.destroyed).toBe(true);
      expect(span?.name).toBe('GET /export/:id');
      expect(span?.attributes[ATTR_OTELWARE_ABORTED]).toBe(true);
      expect(span?.attributes[ATTR_HTTP_RESPONSE_STATUS_CODE]).toBe(200);
      expect(span?.status.code).toBe(SpanStatusCode.UNSET);
      expect([...counted.ends.values()]).toEqual([1]);
    } finally {
      close();
    }
  });

  it('ends the span once, without a status code, when the client leaves before any answer', async () => {
    const sdk = createTestProvider();
    const counted = countSpanEnds(sdk.provider);
    const app = new Koa();
    app.silent = true;
    app.use(tracing({ tracerProvider: counted.provider }));
    let answered: (() => void) | undefined;
    const late = new Promise<void>((resolve) => (answered = resolve));
    let arrived: (() => void) | undefined;
    const handlerStarted = new Promise<void>((resolve) => (arrived = resolve));
    const router = new Router();
    router.get('/slow/:id', async (ctx) => {
      arrived?.();
      await sleep(80);
      ctx.body = { late: true };
      answered?.();
    });
    app.use(router.routes());
    const { port, close } = serve(app.callback());
    try {
      await new Promise<void>((resolve) => {
        const outgoing = http.get({ port, path: '/slow/1' });
        outgoing.on('error', () => resolve());
        outgoing.on('close', () => resolve());
        // leave once the handler runs (a fixed delay raced a loaded machine's slow accept)
        void handlerStarted.then(() => outgoing.destroy());
      });
      const [span] = await sdk.spans(1);
      await late;
      await sleep(20);
      expect(span?.name).toBe('GET /slow/:id');
      expect(span?.attributes[ATTR_OTELWARE_ABORTED]).toBe(true);
      expect(span?.attributes).not.toHaveProperty(ATTR_HTTP_RESPONSE_STATUS_CODE);
      expect([...counted.ends.values()]).toEqual([1]);
    } finally {
      close();
    }
  });
});
