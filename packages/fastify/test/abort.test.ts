import { SpanStatusCode } from '@opentelemetry/api';
import { ATTR_HTTP_RESPONSE_STATUS_CODE } from '@opentelemetry/semantic-conventions';
import { ATTR_OTELWARE_ABORTED } from '@otelware/core';
import { countSpanEnds, createTestProvider } from '@otelware/test-support';
import type { FastifyInstance } from 'fastify';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { tracing } from '../src';
import { fastifyMajors } from './frameworks';

/** Listens, sends GET `path`, and destroys the connection when `abortWhen` says so. */
async function abortedRequest(
  app: FastifyInstance,
  path: string,
  abortWhen: 'after-headers' | 'before-response',
): Promise<void> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  await new Promise<void>((resolve) => {
    const outgoing = http.get({ port, host: '127.0.0.1', path });
    outgoing.on('error', () => resolve());
    outgoing.on('close', () => resolve());
    if (abortWhen === 'after-headers') outgoing.on('response', () => outgoing.destroy());
    // leave once the app has the request (a fixed delay raced a loaded machine's slow accept)
    else app.server.once('request', () => setImmediate(() => outgoing.destroy()));
  });
}

describe.each(fastifyMajors)(
  'client aborts and hijacked replies on Fastify $major',
  ({ fastify }) => {
    async function app() {
      const sdk = createTestProvider();
      const counted = countSpanEnds(sdk.provider);
      const created = fastify();
      await created.register(tracing, { tracerProvider: counted.provider });
      return { app: created, sdk, ends: counted.ends };
    }

    it('ends the span exactly once, marked aborted, when the client leaves mid-stream', async () => {
      const { app: target, sdk, ends } = await app();
      let timer: NodeJS.Timeout | undefined;
      let finished: Promise<void> | undefined;
      target.get('/stream/:id', (_request, reply) => {
        reply.hijack();
        reply.raw.writeHead(200, { 'content-type': 'text/plain' });
        reply.raw.write('first chunk\n');
        finished = new Promise((resolve) => {
          timer = setTimeout(() => {
            reply.raw.end('too late\n');
            resolve();
          }, 100);
        });
      });
      await abortedRequest(target, '/stream/1', 'after-headers');
      const [span] = await sdk.spans(1);
      await finished;
      clearTimeout(timer);
      await target.close();
      expect(span?.name).toBe('GET /stream/:id');
      expect(span?.attributes[ATTR_OTELWARE_ABORTED]).toBe(true);
      expect(span?.attributes[ATTR_HTTP_RESPONSE_STATUS_CODE]).toBe(200);
      expect(span?.status.code).toBe(SpanStatusCode.UNSET);
      expect([...ends.values()]).toEqual([1]);
    });

    it('ends the span exactly once, without a status code, when the client leaves before any answer', async () => {
      const { app: target, sdk, ends } = await app();
      let late: Promise<void> | undefined;
      target.get('/slow', async () => {
        late = new Promise((resolve) => setTimeout(resolve, 100));
        await late;
        return { late: true };
      });
      await abortedRequest(target, '/slow', 'before-response');
      const [span] = await sdk.spans(1);
      await late;
      await new Promise((resolve) => setTimeout(resolve, 20)); // the late answer goes nowhere
      await target.close();
      expect(span?.name).toBe('GET /slow');
      expect(span?.attributes[ATTR_OTELWARE_ABORTED]).toBe(true);
      expect(span?.attributes).not.toHaveProperty(ATTR_HTTP_RESPONSE_STATUS_CODE);
      expect([...ends.values()]).toEqual([1]);
    });

    it('ends the span of a hijacked reply when the raw response finishes', async () => {
      const { app: target, sdk, ends } = await app();
      target.get('/raw/:id', (_request, reply) => {
        reply.hijack();
        setTimeout(() => {
          reply.raw.writeHead(202, { 'content-type': 'text/plain' });
          reply.raw.end('written by hand');
        }, 20);
      });
      await target.ready();
      await request(target.server).get('/raw/9').expect(202, 'written by hand');
      const [span] = await sdk.spans(1);
      expect(span?.name).toBe('GET /raw/:id');
      expect(span?.attributes[ATTR_HTTP_RESPONSE_STATUS_CODE]).toBe(202);
      expect(span?.attributes).not.toHaveProperty(ATTR_OTELWARE_ABORTED);
      expect([...ends.values()]).toEqual([1]);
    });
  },
);
