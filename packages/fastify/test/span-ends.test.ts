import { SpanStatusCode } from '@opentelemetry/api';
import {
  countSpanEnds,
  createTestProvider,
  spanOutcome,
  failingBody,
  getOnOwnConnection,
  waitFor,
} from '@otelware/test-support';
import type { FastifyInstance } from 'fastify';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { tracing } from '../src';
import { fastifyMajors } from './frameworks';

/** GETs `path` from the listening `app`: `'<status> <body>'`, or how it was cut. */
function get(app: FastifyInstance, path: string): Promise<string> {
  return getOnOwnConnection((app.server.address() as AddressInfo).port, path);
}

/** Neither finished nor failed: the span is open. */
const never = () => new Promise<never>(() => undefined);

describe.each(fastifyMajors)(
  'every SERVER span ends exactly once on Fastify $major',
  ({ fastify }) => {
    /**
     * An app traced by a counting provider. `forceCloseConnections` (unless `graceful`)
     * makes close() drop the connections of requests in flight, as a server going away does.
     */
    async function traced(
      routes: (app: FastifyInstance) => void,
      graceful = false,
      before?: (app: FastifyInstance) => void,
    ) {
      const sdk = createTestProvider();
      const counted = countSpanEnds(sdk.provider);
      const app = fastify(graceful ? {} : { forceCloseConnections: true });
      before?.(app);
      await app.register(tracing, { tracerProvider: counted.provider });
      routes(app);
      await app.ready();
      /** The one span, once `count` spans have ended; every span ended exactly once. */
      const onlySpan = async () => {
        const spans = await sdk.spans(1);
        expect(spans).toHaveLength(1);
        expect([...counted.ends.values()]).toEqual([1]);
        return spans[0];
      };
      return { app, sdk, ends: counted.ends, onlySpan };
    }

    describe('over a socket', () => {
      it('ends a request whose onSend hook throws as the 500 Fastify answers', async () => {
        const { app, onlySpan } = await traced((target) => {
          target.addHook('onSend', async () => {
            throw new TypeError('onSend is broken');
          });
          target.get('/items/:id', async () => ({ ok: true }));
        });
        await request(app.server).get('/items/1').expect(500);
        expect(spanOutcome(await onlySpan())).toEqual({
          name: 'GET /items/:id',
          route: '/items/:id',
          statusCode: 500,
          aborted: undefined,
          status: SpanStatusCode.ERROR,
          errorType: 'TypeError',
          events: ['exception'],
        });
        await app.close();
      });

      it('ends a request whose response serializer throws as the 500 Fastify answers', async () => {
        const { app, onlySpan } = await traced((target) => {
          target.get('/items/:id', (_request, reply) => {
            void reply
              .serializer(() => {
                throw new RangeError('cannot serialize');
              })
              .send({ ok: true });
          });
        });
        await request(app.server).get('/items/1').expect(500);
        expect(spanOutcome(await onlySpan())).toEqual({
          name: 'GET /items/:id',
          route: '/items/:id',
          statusCode: 500,
          aborted: undefined,
          status: SpanStatusCode.ERROR,
          errorType: 'RangeError',
          events: ['exception'],
        });
        await app.close();
      });

      it('ends a request whose body fails schema validation as its 400, not an error', async () => {
        const { app, onlySpan } = await traced((target) => {
          const schema = { body: { type: 'object', required: ['item'] } };
          target.post('/orders', { schema }, async () => ({ ok: true }));
        });
        await request(app.server).post('/orders').send({}).expect(400);
        expect(spanOutcome(await onlySpan())).toEqual({
          name: 'POST /orders',
          route: '/orders',
          statusCode: 400,
          aborted: undefined,
          status: SpanStatusCode.UNSET,
          errorType: undefined,
          events: [],
        });
        await app.close();
      });

      it('ends a request no route matches as its 404', async () => {
        const { app, onlySpan } = await traced((target) => {
          target.get('/items/:id', async () => ({ ok: true }));
        });
        await request(app.server).get('/nowhere').expect(404);
        expect(spanOutcome(await onlySpan())).toMatchObject({
          name: 'GET',
          route: undefined,
          statusCode: 404,
          aborted: undefined,
          status: SpanStatusCode.UNSET,
        });
        await app.close();
      });

      it('ends a request whose streamed body fails mid-way as aborted, with the 200 it sent', async () => {
        const { app, onlySpan } = await traced((target) => {
          target.get('/files/:name', (_request, reply) => reply.send(failingBody()));
        });
        await expect(request(app.server).get('/files/a')).rejects.toThrow();
        expect(spanOutcome(await onlySpan())).toEqual({
          name: 'GET /files/:name',
          route: '/files/:name',
          statusCode: 200,
          aborted: true,
          status: SpanStatusCode.UNSET,
          errorType: undefined,
          events: [],
        });
        await app.close();
      });

      it('ends a request a hook answered through reply.raw without hijacking', async () => {
        const { app, onlySpan } = await traced((target) => {
          target.addHook('preHandler', (_request, reply, done) => {
            reply.raw.writeHead(203, { 'content-type': 'text/plain' });
            reply.raw.end('answered by the hook');
            done();
          });
          target.get('/items/:id', async () => ({ ok: true }));
        });
        await request(app.server).get('/items/1').expect(203, 'answered by the hook');
        expect(spanOutcome(await onlySpan())).toMatchObject({
          name: 'GET /items/:id',
          statusCode: 203,
          aborted: undefined,
        });
        await app.close();
      });

      it("ends a request whose client left before the plugin's onRequest ran as aborted", async () => {
        const { app, onlySpan } = await traced(
          (target) => {
            target.get('/items/:id', async () => 'late');
          },
          false,
          (target) => {
            // an onRequest hook added ahead of the plugin holds the request until the client has gone
            target.addHook('onRequest', (_request, reply, done) => {
              reply.raw.once('close', () => setImmediate(done));
            });
          },
        );
        await app.listen({ port: 0, host: '127.0.0.1' });
        const { port } = app.server.address() as AddressInfo;
        const outgoing = http.get({ host: '127.0.0.1', port, path: '/items/1', agent: false });
        outgoing.on('error', () => undefined);
        app.server.once('request', () => setImmediate(() => outgoing.destroy()));
        expect(spanOutcome(await onlySpan())).toEqual({
          name: 'GET /items/:id',
          route: '/items/:id',
          statusCode: undefined,
          aborted: true,
          status: SpanStatusCode.UNSET,
          errorType: undefined,
          events: [],
        });
        await app.close();
      });

      it('ends a hijacked reply left open as aborted when the server closes', async () => {
        const { app, ends, onlySpan } = await traced((target) => {
          target.get('/held/:id', (_request, reply) => {
            reply.hijack();
          });
        });
        await app.listen({ port: 0, host: '127.0.0.1' });
        const held = get(app, '/held/1');
        await new Promise((resolve) => app.server.once('request', () => setImmediate(resolve)));
        expect(ends.size).toBe(0);
        await app.close();
        expect(await held).toBe('cut: socket hang up');
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

      it('lets a request in flight when the app closes finish with its own outcome', async () => {
        let answer = () => undefined as void;
        const { app, onlySpan } = await traced((target) => {
          target.get(
            '/slow/:id',
            () => new Promise<string>((resolve) => (answer = () => resolve('done'))),
          );
        }, true);
        await app.listen({ port: 0, host: '127.0.0.1' });
        const answered = get(app, '/slow/1');
        await new Promise((resolve) => app.server.once('request', () => setImmediate(resolve)));
        const closed = app.close();
        setTimeout(() => answer(), 20);
        await closed;
        expect(await answered).toBe('200 done');
        expect(spanOutcome(await onlySpan())).toMatchObject({
          name: 'GET /slow/:id',
          statusCode: 200,
          aborted: undefined,
        });
      });
    });

    describe('with inject()', () => {
      it('ends a hijacked reply never answered as aborted when the app closes', async () => {
        const { app, ends, onlySpan } = await traced((target) => {
          target.get('/held/:id', (_request, reply) => {
            reply.hijack();
          });
        });
        void app.inject({ method: 'GET', url: '/held/1' });
        await waitFor(() => false, 50);
        expect(ends.size).toBe(0);
        await app.close();
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

      it('ends a hijacked reply whose handler then throws as aborted when the app closes', async () => {
        const { app, onlySpan } = await traced((target) => {
          target.get('/held/:id', (_request, reply) => {
            reply.hijack();
            throw new Error('after hijack');
          });
        });
        void app.inject({ method: 'GET', url: '/held/1' });
        await waitFor(() => false, 50);
        await app.close();
        expect(spanOutcome(await onlySpan())).toMatchObject({
          name: 'GET /held/:id',
          statusCode: undefined,
          aborted: true,
        });
      });

      it('ends a request a hook hijacked then sent on as aborted when the app closes', async () => {
        const { app, onlySpan } = await traced((target) => {
          target.addHook('preHandler', async (_request, reply) => {
            reply.hijack();
            return reply.send('too late');
          });
          target.get('/items/:id', async () => ({ ok: true }));
        });
        void app.inject({ method: 'GET', url: '/items/1' });
        await waitFor(() => false, 50);
        await app.close();
        expect(spanOutcome(await onlySpan())).toMatchObject({
          name: 'GET /items/:id',
          statusCode: undefined,
          aborted: true,
        });
      });

      it('keeps the status a hijacked reply wrote when the app closes before it ends', async () => {
        const { app, onlySpan } = await traced((target) => {
          target.get('/held/:id', (_request, reply) => {
            reply.hijack();
            reply.raw.writeHead(202, { 'content-type': 'text/plain' });
            reply.raw.write('first chunk\n');
          });
        });
        void app.inject({ method: 'GET', url: '/held/1' });
        await waitFor(() => false, 50);
        await app.close();
        expect(spanOutcome(await onlySpan())).toMatchObject({
          name: 'GET /held/:id',
          statusCode: 202,
          aborted: true,
          status: SpanStatusCode.UNSET,
        });
      });

      it('ends a handler that never settles as aborted when the app closes, once even if it answers later', async () => {
        let answer = () => undefined as void;
        const { app, sdk, ends } = await traced((target) => {
          target.get(
            '/slow/:id',
            () => new Promise<string>((resolve) => (answer = () => resolve('late'))),
          );
          target.get('/never', never);
        });
        const late = app.inject({ method: 'GET', url: '/slow/1' });
        void app.inject({ method: 'GET', url: '/never' });
        await waitFor(() => false, 50);
        await app.close();
        answer();
        expect((await late).body).toBe('late');
        const spans = await sdk.spans(2);
        expect(
          spans.map(spanOutcome).sort((a, b) => String(a.name).localeCompare(String(b.name))),
        ).toEqual(
          ['GET /never', 'GET /slow/:id'].map((name) => ({
            name,
            route: name.slice(4),
            statusCode: undefined,
            aborted: true,
            status: SpanStatusCode.UNSET,
            errorType: undefined,
            events: [],
          })),
        );
        expect([...ends.values()]).toEqual([1, 1]);
      });

      it('ends a streamed body that fails mid-way once, with the 200 it sent', async () => {
        const { app, onlySpan } = await traced((target) => {
          target.get('/files/:name', (_request, reply) => reply.send(failingBody()));
        });
        await app.inject({ method: 'GET', url: '/files/a' }).catch(() => undefined);
        expect(spanOutcome(await onlySpan())).toMatchObject({
          name: 'GET /files/:name',
          statusCode: 200,
        });
        await app.close();
      });

      it('ends every injected request once, answered or not, by the time the app has closed', async () => {
        const { app, sdk, ends } = await traced((target) => {
          target.addHook('onSend', async (request) => {
            if (request.url === '/on-send-throws') throw new Error('onSend is broken');
          });
          target.get('/on-send-throws', async () => 'x');
          target.get('/ok', async () => 'ok');
          target.post(
            '/validated',
            { schema: { body: { type: 'object', required: ['a'] } } },
            async () => 'x',
          );
          target.get('/hijacked', (_request, reply) => {
            reply.hijack();
          });
          target.get('/never', never);
          target.get('/stream', (_request, reply) => reply.send(failingBody()));
        });
        const requests = [
          { method: 'GET', url: '/on-send-throws' },
          { method: 'GET', url: '/ok' },
          { method: 'POST', url: '/validated', payload: {} },
          { method: 'GET', url: '/missing' },
          { method: 'GET', url: '/hijacked' },
          { method: 'GET', url: '/never' },
          { method: 'GET', url: '/stream' },
        ] as const;
        for (const options of requests) void app.inject(options).catch(() => undefined);
        await waitFor(() => ends.size >= 5, 1000);
        await app.close();
        const spans = await sdk.spans(requests.length);
        expect(spans).toHaveLength(requests.length);
        expect([...ends.values()]).toEqual(requests.map(() => 1));
      });
    });
  },
);
