import type { Tracer, TracerProvider } from '@opentelemetry/api';
import { useTestTracing } from '@otelware/test-support';
import { wrapFetch } from '../src';
import { startLocalServer, type LocalServer } from './local-server';

const otel = useTestTracing();
let server: LocalServer;

beforeAll(async () => {
  server = await startLocalServer();
});
afterAll(() => server.close());

function providerWhose(tracer: Partial<Tracer>): TracerProvider {
  return { getTracer: () => tracer as Tracer };
}

describe('tracing never breaks a fetch call', () => {
  it('calls through untraced when the tracer throws on startSpan', async () => {
    const traced = wrapFetch(fetch, {
      tracerProvider: providerWhose({
        startSpan: () => {
          throw new Error('SDK bug');
        },
      }),
    });
    const response = await traced(`${server.origin}/status/200`);
    expect(await response.text()).toBe('status 200');
    expect(server.received.at(-1)?.headers.traceparent).toBeUndefined();
  });

  it('hands back the response when ending the span throws', async () => {
    const real = otel.provider.getTracer('test');
    const traced = wrapFetch(fetch, {
      tracerProvider: providerWhose({
        startSpan: (...args) => {
          const span = real.startSpan(...args);
          span.end = () => {
            throw new Error('span processor bug');
          };
          return span;
        },
      }),
    });
    const response = await traced(`${server.origin}/status/503`);
    expect(response.status).toBe(503);
  });

  it('lets fetch raise its own error for headers it refuses, as without tracing', async () => {
    const bad = { headers: { 'bad header': 'x' } };
    const bare = await fetch(`${server.origin}/`, bad).catch((e: Error) => e);
    const traced = await wrapFetch(fetch)(`${server.origin}/`, bad).catch((e: Error) => e);
    expect((traced as Error).name).toBe((bare as Error).name);
    expect((traced as Error).message).toBe((bare as Error).message);
  });

  it('lets fetch raise its own error for a URL it cannot parse, untraced', async () => {
    const bare = await fetch('not a url').catch((e: Error) => e);
    const traced = await wrapFetch(fetch)('not a url').catch((e: Error) => e);
    expect((traced as Error).message).toBe((bare as Error).message);
    expect(await otel.spans(0)).toEqual([]);
  });
});
