import { SpanStatusCode } from '@opentelemetry/api';
import { ATTR_HTTP_RESPONSE_STATUS_CODE } from '@opentelemetry/semantic-conventions';
import { ATTR_OTELWARE_ABORTED } from '@otelware/core';
import { countSpanEnds, createTestProvider } from '@otelware/test-support';
import type { Request, Response } from 'express';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tracing } from '../src';
import { expressMajors } from './frameworks';

/** Starts `app`, sends GET `path`, and destroys the connection when `abortWhen` says so. */
async function abortedRequest(
  app: http.RequestListener,
  path: string,
  abortWhen: 'after-headers' | 'before-response',
): Promise<void> {
  const server = http.createServer(app).listen(0);
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => {
    const outgoing = http.get({ port, path });
    outgoing.on('error', () => resolve());
    outgoing.on('close', () => resolve());
    if (abortWhen === 'after-headers') outgoing.on('response', () => outgoing.destroy());
    // leave once the app has the request (a fixed delay raced a loaded machine's slow accept)
    else server.once('request', () => setImmediate(() => outgoing.destroy()));
  });
  await new Promise((resolve) => setTimeout(resolve, 50));
  server.close();
}

describe.each(expressMajors)('client aborts on Express $major', ({ express }) => {
  it('ends the span exactly once, marked aborted, when the client leaves mid-stream', async () => {
    const sdk = createTestProvider();
    const counted = countSpanEnds(sdk.provider);
    const app = express();
    app.use(tracing({ tracerProvider: counted.provider }));
    let timer: NodeJS.Timeout | undefined;
    app.get('/stream/:id', (_req: Request, res: Response) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('first chunk\n');
      timer = setTimeout(() => res.end('too late\n'), 200);
    });
    await abortedRequest(app, '/stream/1', 'after-headers');
    const [span] = await sdk.spans(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    clearTimeout(timer);
    expect(span?.name).toBe('GET /stream/:id');
    expect(span?.attributes[ATTR_OTELWARE_ABORTED]).toBe(true);
    expect(span?.attributes[ATTR_HTTP_RESPONSE_STATUS_CODE]).toBe(200);
    expect(span?.status.code).toBe(SpanStatusCode.UNSET);
    expect([...counted.ends.values()]).toEqual([1]);
  });

  it('ends the span without a status code when the client leaves before any answer', async () => {
    const sdk = createTestProvider();
    const counted = countSpanEnds(sdk.provider);
    const app = express();
    app.use(tracing({ tracerProvider: counted.provider }));
    let late: Promise<void> | undefined;
    app.get('/slow', (_req: Request, res: Response) => {
      late = new Promise((resolve) =>
        setTimeout(() => {
          res.json({ late: true });
          resolve();
        }, 100),
      );
    });
    await abortedRequest(app, '/slow', 'before-response');
    const [span] = await sdk.spans(1);
    await late;
    expect(span?.name).toBe('GET /slow');
    expect(span?.attributes[ATTR_OTELWARE_ABORTED]).toBe(true);
    expect(span?.attributes).not.toHaveProperty(ATTR_HTTP_RESPONSE_STATUS_CODE);
    expect([...counted.ends.values()]).toEqual([1]);
  });
});
