import { diag, type Tracer, type TracerProvider } from '@opentelemetry/api';
import { TracerProvider as SdkTracerProvider, type SpanProcessor } from '@opentelemetry/sdk-trace';
import type { TracingOptions } from '@otelware/core';
import { Readable } from 'node:stream';
import { rawExchange, withoutDate } from './raw-http';
import type { NeutralRoutes, ServerSubject } from './server-subject';

const ROUTES: NeutralRoutes = {
  text: (id) => `item ${id}`,
  stream: (id) => Readable.from([`part one of ${id}\n`, 'part two\n']),
};

/** Requests covering a plain answer, a body, a stream, a 404 and an unknown method. */
const REQUESTS = [
  'GET /items/1?q=a HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n',
  'POST /items/2 HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello',
  'GET /stream/3 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n',
  'GET /missing HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n',
  'PURGE /items/4 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n',
];

/** Throws, as a broken hook (`ignore`, `spanName`, `requestHook`, `responseHook`) would. */
export function brokenHook(): never {
  throw new Error('broken on purpose');
}

/** A tracer provider whose tracer throws on every span start. */
export const throwingTracerProvider: TracerProvider = {
  getTracer: () => ({ startSpan: brokenHook, startActiveSpan: brokenHook }) as unknown as Tracer,
};

/** An SDK tracer provider whose one span processor throws in `hook`. */
export function providerThrowingIn(hook: 'onStart' | 'onEnd'): TracerProvider {
  const processor: SpanProcessor = {
    onStart: () => undefined,
    onEnd: () => undefined,
    forceFlush: async () => undefined,
    shutdown: async () => undefined,
  };
  processor[hook] = brokenHook;
  return new SdkTracerProvider({ spanProcessors: [processor] });
}

const BROKEN: ReadonlyArray<readonly [string, TracingOptions]> = [
  [
    'every hook throws (ignore, spanName, requestHook, responseHook)',
    { ignore: brokenHook, spanName: brokenHook, requestHook: brokenHook, responseHook: brokenHook },
  ],
  ['the tracer provider throws on startSpan', { tracerProvider: throwingTracerProvider }],
  ['a span processor throws on onEnd', { tracerProvider: providerThrowingIn('onEnd') }],
];

/** Every raw response of `REQUESTS` from an app started with `options`, without `Date`. */
async function responsesOf(subject: ServerSubject, options: TracingOptions | undefined) {
  const app = await subject.start(ROUTES, options);
  try {
    const responses: string[] = [];
    for (const request of REQUESTS)
      responses.push(withoutDate(await rawExchange(app.port, request)));
    return responses;
  } finally {
    await app.close();
  }
}

/**
 * With broken hooks, a tracer that throws on `startSpan` or a span processor
 * that throws on `onEnd`, the app's responses are byte for byte those of the
 * untraced app (only `Date` differs between any two responses).
 */
export function neverBreaksSuite(subject: ServerSubject): void {
  beforeAll(() => jest.spyOn(diag, 'error').mockImplementation(() => undefined));
  afterAll(() => jest.restoreAllMocks());

  it.each(BROKEN)('answers byte for byte as untraced when %s', async (_what, options) => {
    const untraced = await responsesOf(subject, undefined);
    expect(await responsesOf(subject, options)).toEqual(untraced);
  });
}
