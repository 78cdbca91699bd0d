import { SpanStatusCode } from '@opentelemetry/api';
import {
  countSpanEnds,
  createTestProvider,
  spanOutcome,
  failingBody,
  getOnOwnConnection,
  waitFor,
} from '@otelware/test-support';
import type { Express } from 'express';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream';
import { tracing } from '../src';
import { expressMajors } from './frameworks';

describe.each(expressMajors)(
  'every SERVER span ends exactly once on Express $major',
  ({ express }) => {
    /** A traced app on a loopback server, and the one span once it ended exactly once. */
    async function traced(routes: (app: Express) => void, before?: (app: Express) => void) {
      const sdk = createTestProvider();
      const counted = countSpanEnds(sdk.provider);
      const app = express();
      before?.(app as Express);
      app.use(tracing({ tracerProvider: counted.provider }));
      routes(app as Express);
      const server = http.createServer(app);
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
      return {
        get: (path: string) => getOnOwnConnection(port, path),
        server,
        close,
        ends: counted.ends,
        onlySpan,
      };
    }

    it('ends a request the handler never answers as aborted when the server closes', async () => {
      const { get, server, close, ends, onlySpan } = await traced((app) => {
        app.get('/held/:id', () => undefined);
      });
      const answer = get('/held/1');
      await new Promise((resolve) => server.once('request', () => setImmediate(resolve)));
      expect(ends.size).toBe(0);
      await close();
      expect(await answer).toBe('cut: socket hang up');
      expect(spanOutcome(await onlySpan())).toEqual({
        name: 'GET /held/:id',
        route: '/held/:id',
        statusCode: undefined,
        aborted: true,
        status: SpanStatusCode.UNSET,
        errorType: undefined,
        events: [],
      });
    });

    it('ends a request whose client left before tracing() ran as aborted', async () => {
      const { server, close, onlySpan } = await traced(
        (app) => {
          app.get('/items/:id', (_req, res) => void res.send('late'));
        },
        (app) => {
          // a middleware mounted first that holds the request until the client has gone
          app.use((_req, res, next) => void res.once('close', () => setImmediate(next)));
        },
      );
      const { port } = server.address() as AddressInfo;
      const outgoing = http.get({ host: '127.0.0.1', port, path: '/items/1', agent: false });
      outgoing.on('error', () => undefined);
      server.once('request', () => setImmediate(() => outgoing.destroy()));
      expect(spanOutcome(await onlySpan())).toEqual({
        name: 'GET', // ended before routing: the route is not known yet

        route: undefined,
        statusCode: undefined,
        aborted: true,
        status: SpanStatusCode.UNSET,
        errorType: undefined,
        events: [],
      });
      await close();
    });

    it('ends a request whose body stream fails mid-way through pipeline() as aborted, with its 200', async () => {
      const { get, close, onlySpan } = await traced((app) => {
        app.get('/files/:name', (_req, res) => {
          res.type('text/plain');
          pipeline(failingBody(), res, () => undefined);
        });
      });
      expect(await get('/files/a')).toBe('cut: aborted');
      expect(spanOutcome(await onlySpan())).toEqual({
        name: 'GET /files/:name',
        route: '/files/:name',
        statusCode: 200,
        aborted: true,
        status: SpanStatusCode.UNSET,
        errorType: undefined,
        events: [],
      });
      await close();
    });

    it('ends a request whose body stream fails mid-way through pipe() as aborted when the server closes', async () => {
      const { get, close, ends, onlySpan } = await traced((app) => {
        app.get('/files/:name', (_req, res) => {
          res.type('text/plain');
          // pipe() leaves the response open when its source fails
          failingBody()
            .on('error', () => undefined)
            .pipe(res);
        });
      });
      const answer = get('/files/a');
      await waitFor(() => false, 60);
      expect(ends.size).toBe(0);
      await close();
      expect(await answer).toBe('cut: aborted');
      expect(spanOutcome(await onlySpan())).toMatchObject({
        name: 'GET /files/:name',
        statusCode: 200,
        aborted: true,
        status: SpanStatusCode.UNSET,
      });
    });

    it('ends a request whose error comes after the headers as aborted, with its 200', async () => {
      const { get, close, onlySpan } = await traced((app) => {
        app.get('/report/:id', (_req, res, next) => {
          res.type('text/plain').write('first line\n');
          setTimeout(() => next(new RangeError('report failed')), 10);
        });
      });
      expect(await get('/report/1')).toBe('cut: aborted');
      expect(spanOutcome(await onlySpan())).toMatchObject({
        name: 'GET /report/:id',
        statusCode: 200,
        aborted: true,
      });
      await close();
    });

    it('ends a request no route matches as its 404', async () => {
      const { get, close, onlySpan } = await traced((app) => {
        app.get('/items/:id', (_req, res) => void res.send('item'));
      });
      expect(await get('/nowhere')).toMatch(/^404 /);
      expect(spanOutcome(await onlySpan())).toMatchObject({
        name: 'GET',
        route: undefined,
        statusCode: 404,
        aborted: undefined,
        status: SpanStatusCode.UNSET,
      });
      await close();
    });
  },
);
