import { createTestMeter, createTestProvider } from '@otelware/test-support';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { TraceContextPropagator, type TracingOptions } from '../src';
import { ServerTracer } from '../src/adapter';
import { returnTraceTo, type HeaderWritingResponse } from '../src/trace-context/trace-response';

// The traceResponse option on Node's own http server, without any framework: the
// header is added in writeHead, whichever way the app sends its headers.
// No SDK is registered globally in this file.

const scope = { name: '@otelware/core-test', version: '0.0.0' };
const CALLER_TRACE = '0af7651916cd43dd8448eb211c80319c';
const CALLER_SPAN = 'b7ad6b7169203331';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** Serves one request with `handler`, traced with `options`; returns the response headers. */
async function headersFrom(
  options: TracingOptions,
  handler: Handler,
  requestHeaders: Record<string, string> = {},
) {
  const sdk = createTestProvider();
  const tracer = new ServerTracer({ tracerProvider: sdk.provider, ...options }, scope);
  const server = http.createServer((req, res) => {
    tracer.startRequest(req, res)?.endOnClose(res);
    try {
      handler(req, res);
    } catch {
      res.statusCode = 500; // what the app got wrong shows as a 500, not a hung test
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/`, { headers: requestHeaders });
    await response.text();
    const [span] = await sdk.spans(1);
    const own = span?.spanContext();
    const context = own && `00-${own.traceId}-${own.spanId}-0${own.traceFlags}`;
    return { headers: response.headers, context };
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('the traceResponse option on a plain Node.js server', () => {
  it('adds the header when the app sends its headers with flushHeaders()', async () => {
    const { headers, context } = await headersFrom({ traceResponse: 'traceresponse' }, (_, res) => {
      res.flushHeaders();
      res.end('flushed');
    });
    expect(headers.get('traceresponse')).toBe(context);
  });

  it('adds the header when writeHead gets a reason phrase and a headers object', async () => {
    const { headers, context } = await headersFrom({ traceResponse: 'traceresponse' }, (_, res) => {
      res.writeHead(202, 'Taken', { 'content-type': 'text/plain' }).end('taken');
    });
    expect(headers.get('traceresponse')).toBe(context);
  });

  it('appends the Server-Timing entry to a flat header array given to writeHead', async () => {
    const { headers, context } = await headersFrom({ traceResponse: 'server-timing' }, (_, res) => {
      res.setHeader('x-kept', 'yes');
      res.writeHead(200, ['Server-Timing', 'db;dur=53', 'content-type', 'text/plain']);
      res.end('array');
    });
    expect(headers.get('server-timing')).toBe(`db;dur=53, traceparent;desc="${context}"`);
    expect(headers.get('x-kept')).toBe('yes');
  });

  it('adds the header to [name, value] pairs, which writeHead takes only with no header set before', async () => {
    const { headers, context } = await headersFrom({ traceResponse: 'traceresponse' }, (_, res) => {
      res.writeHead(200, [['content-type', 'text/plain']]);
      res.end('pairs');
    });
    expect(headers.get('traceresponse')).toBe(context);
    expect(headers.get('content-type')).toBe('text/plain');
  });

  it('leaves a traceresponse header the app set itself', async () => {
    const { headers } = await headersFrom({ traceResponse: 'traceresponse' }, (_, res) => {
      res.setHeader('traceresponse', `00-${CALLER_TRACE}-${CALLER_SPAN}-01`);
      res.end('own');
    });
    expect(headers.get('traceresponse')).toBe(`00-${CALLER_TRACE}-${CALLER_SPAN}-01`);
  });

  it("lets the app's own writeHead error through unchanged", async () => {
    let thrown: unknown;
    await headersFrom({ traceResponse: 'traceresponse' }, (_, res) => {
      try {
        res.writeHead(99);
      } catch (error) {
        thrown = error;
      }
      res.end('after');
    });
    expect((thrown as { code?: unknown }).code).toBe('ERR_HTTP_INVALID_STATUS_CODE');
  });

  it("sends nothing without a tracer, whose span would carry the caller's context", async () => {
    const sdk = createTestMeter();
    const tracer = new ServerTracer(
      {
        meterProvider: sdk.meterProvider,
        propagator: new TraceContextPropagator(),
        traceResponse: 'traceresponse',
      },
      scope,
    );
    const server = http.createServer((req, res) => {
      tracer.startRequest(req, res)?.endOnClose(res);
      res.end('metered');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/`, {
        headers: { traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01` },
      });
      expect(await response.text()).toBe('metered');
      expect(response.headers.get('traceresponse')).toBeNull();
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('returnTraceTo', () => {
  const spanContext = { traceId: CALLER_TRACE, spanId: CALLER_SPAN, traceFlags: 1 };

  it('still sends the head when adding the header fails', () => {
    const calls: unknown[][] = [];
    const response: HeaderWritingResponse = {
      headersSent: false,
      writeHead: (...args: unknown[]) => calls.push(args),
      getHeader: () => {
        throw new Error('broken getHeader');
      },
      setHeader: () => undefined,
    };
    returnTraceTo(response, 'traceresponse', spanContext);
    response.writeHead(200, { a: '1' });
    expect(calls).toEqual([[200, { a: '1' }]]);
  });
});
