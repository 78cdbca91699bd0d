import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A server listening on 127.0.0.1, and how to stop it. */
export interface Served {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * The test client's fetch: Bun's own, taken when the tests load, so a request the
 * test sends is never traced by an `instrumentFetch()` that a test has installed.
 */
export const clientFetch = globalThis.fetch;

/** Serves `listener` through `node:http` (Bun's implementation) on a free port. */
export async function serveNode(listener: http.RequestListener): Promise<Served> {
  const server = http.createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

export interface Answer {
  readonly status: number;
  readonly body: unknown;
}

/** GETs `url` (with `headers`) and reads the body as JSON, or as text when it is not JSON. */
export async function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await clientFetch(url, { headers });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // a text answer
  }
  return { status: response.status, body };
}
