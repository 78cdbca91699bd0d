import Router from '@koa/router';
import { SpanStatusCode } from '@opentelemetry/api';
import {
  countSpanEnds,
  createTestProvider,
  spanOutcome,
  failingBody,
  getOnOwnConnection,
} from '@otelware/test-support';
import type Koa from 'koa';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tracing } from '../src';
import { koaMajors } from './frameworks';

describe.each(koaMajors)('every SERVER span ends exactly once on Koa $major', ({ Koa: KoaApp }) => {
  /** A traced app (`before` mounts middleware ahead of tracing()) on a loopback server. */
  async function traced(routes: (router: Router) => void, before?: (app: Koa) => void) {
    const sdk = createTestProvider();
    const counted = countSpanEnds(sdk.provider);
    const app = new KoaApp();
    app.silent = true;
    before?.(app as unknown as Koa);
    app.use(tracing({ tracerProvider: counted.provider }));
    const router = new Router();
    routes(router);
    app.use(router.routes());
    const server = http.createServer(app.callback());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    /** The server goes away: every connection dropped, requests in flight with them. */
    const close = () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    };
    const onlySpan = async () => {
      const spans = await sdk.spans(1);
      expect(spans).toHaveLength(1);
      expect([...counted.ends.values()]).toEqual([1]);
      return spans[0];
    };
    const reached = () =>
      new Promise((resolve) => server.once('request', () => setImmediate(resolve)));
    return {
      get: (path: string) => getOnOwnConnection(port, path),
      port,
      server,
      close,
      reached,
      ends: counted.ends,
      onlySpan,
    };
  }

  const abortedBeforeAnswer = (name: string, route: string | undefined) => ({
    name,
    route,
    statusCode: undefined,
    aborted: true,
    status: SpanStatusCode.UNSET,
    errorType: undefined,
    events: [],
  });

  it('ends a request whose middleware never settles as aborted when the server closes', async () => {
    const { get, close, reached, ends, onlySpan } = await traced((router) => {
      router.get('/held/:id', () => new Promise<never>(() => undefined));
    });
    const answer = get('/held/1');
    await reached();
    expect(ends.size).toBe(0);
    await close();
    expect(await answer).toBe('cut: socket hang up');
    expect(spanOutcome(await onlySpan())).toEqual(
      abortedBeforeAnswer('GET /held/:id', '/held/:id'),
    );
  });

  it('ends a request answered by hand with ctx.respond = false with the status it wrote', async () => {
    const { get, close, onlySpan } = await traced((router) => {
      router.get('/raw/:id', (ctx) => {
        ctx.respond = false;
        setTimeout(() => {
          ctx.res.writeHead(202, { 'content-type': 'text/plain' });
          ctx.res.end('written by hand');
        }, 10);
      });
    });
    expect(await get('/raw/1')).toBe('202 written by hand');
    expect(spanOutcome(await onlySpan())).toMatchObject({
      name: 'GET /raw/:id',
      statusCode: 202,
      aborted: undefined,
      status: SpanStatusCode.UNSET,
    });
    await close();
  });

  it('ends a request left unanswered with ctx.respond = false as aborted when the server closes', async () => {
    const { get, close, reached, ends, onlySpan } = await traced((router) => {
      router.get('/raw/:id', (ctx) => {
        ctx.respond = false;
      });
    });
    const answer = get('/raw/1');
    await reached();
    expect(ends.size).toBe(0);
    await close();
    expect(await answer).toBe('cut: socket hang up');
    expect(spanOutcome(await onlySpan())).toEqual(abortedBeforeAnswer('GET /raw/:id', '/raw/:id'));
  });

  it('ends a request whose streamed body fails mid-way as aborted, with its 200, once its connection goes', async () => {
    const { get, close, onlySpan } = await traced((router) => {
      router.get('/files/:name', (ctx) => {
        ctx.type = 'text/plain';
        ctx.body = failingBody();
      });
    });
    // Koa 3 destroys the response when its body fails after the headers; Koa 2 leaves
    // it open (ctx.onerror can no longer answer), so the span is open until the server
    // drops the connection
    const answer = get('/files/a');
    await new Promise((resolve) => setTimeout(resolve, 60));
    await close();
    expect(await answer).toBe('cut: aborted');
    expect(spanOutcome(await onlySpan())).toEqual({
      name: 'GET /files/:name',
      route: '/files/:name',
      statusCode: 200,
      aborted: true,
      status: SpanStatusCode.UNSET,
      errorType: undefined,
      events: [],
    });
  });

  it('ends a request whose client left before tracing() ran as aborted', async () => {
    const { port, server, close, onlySpan } = await traced(
      (router) => {
        router.get('/items/:id', (ctx) => {
          ctx.body = 'late';
        });
      },
      (app) => {
        // a middleware mounted first that holds the request until the client has gone
        app.use(
          (ctx, next) =>
            new Promise((resolve) =>
              ctx.res.once('close', () => setImmediate(() => resolve(next()))),
            ),
        );
      },
    );
    const outgoing = http.get({ host: '127.0.0.1', port, path: '/items/1', agent: false });
    outgoing.on('error', () => undefined);
    server.once('request', () => setImmediate(() => outgoing.destroy()));
    // ended before routing: the route is not known yet
    expect(spanOutcome(await onlySpan())).toEqual(abortedBeforeAnswer('GET', undefined));
    await close();
  });

  it('ends a request no route matches as its 404', async () => {
    const { get, close, onlySpan } = await traced((router) => {
      router.get('/items/:id', (ctx) => {
        ctx.body = 'item';
      });
    });
    expect(await get('/nowhere')).toBe('404 Not Found');
    expect(spanOutcome(await onlySpan())).toMatchObject({
      name: 'GET',
      route: undefined,
      statusCode: 404,
      aborted: undefined,
      status: SpanStatusCode.UNSET,
    });
    await close();
  });
});
