import { instrumentFetch, wrapFetch } from '../src';
import { startLocalServer, type LocalServer } from './local-server';

// No SDK is registered in this file: @opentelemetry/api alone is a no-op.

let server: LocalServer;

beforeAll(async () => {
  server = await startLocalServer();
});
afterAll(() => server.close());

describe('fetch with no OpenTelemetry SDK registered', () => {
  it('calls fetch with the caller’s very arguments and returns its response', async () => {
    const seen: unknown[][] = [];
    const inner = (input: string, init?: RequestInit) => {
      seen.push([input, init]);
      return fetch(input, init);
    };
    const init = { headers: { 'x-caller': '1' } };
    const response = await wrapFetch(inner)(`${server.origin}/`, init);
    expect(await response.text()).toBe('ok');
    expect(seen).toEqual([[`${server.origin}/`, init]]);
    expect(seen[0]?.[1]).toBe(init);
    expect(server.received.at(-1)?.headers.traceparent).toBeUndefined();
  });

  it('can still be installed and uninstalled', async () => {
    const original = globalThis.fetch;
    const uninstrument = instrumentFetch();
    const response = await fetch(`${server.origin}/`);
    expect(response.status).toBe(200);
    uninstrument();
    expect(globalThis.fetch).toBe(original);
  });
});
