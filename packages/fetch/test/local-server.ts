import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly headers: IncomingHttpHeaders;
  /** Header names as sent, once per occurrence, lower-cased. */
  readonly headerNames: string[];
}

export interface LocalServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly port: number;
  readonly received: Received[];
  close(): Promise<void>;
}

/**
 * A real HTTP server on a free loopback port that records what it receives.
 * Paths: `/status/<code>` answers that code; `/hang` never answers; `/reset`
 * destroys the connection; `/redirect` sends a 302 to `/status/200`; `/hold`
 * sends the headers and part of the body, then holds the rest until closed;
 * anything else answers 200 `ok`.
 */
export async function startLocalServer(): Promise<LocalServer> {
  const received: Received[] = [];
  const held: ServerResponse[] = [];
  const server = createServer((req, res) => {
    received.push({
      method: req.method,
      url: req.url,
      headers: req.headers,
      headerNames: req.rawHeaders.filter((_, i) => i % 2 === 0).map((n) => n.toLowerCase()),
    });
    const path = req.url ?? '/';
    const status = /^\/status\/(\d{3})/.exec(path);
    if (status) {
      res.writeHead(Number(status[1]), { 'content-type': 'text/plain', 'x-answer': 'yes' });
      res.end(`status ${status[1]}`);
    } else if (path === '/hang') {
      held.push(res);
    } else if (path === '/reset') {
      req.socket.destroy();
    } else if (path === '/redirect') {
      res.writeHead(302, { location: '/status/200' }).end();
    } else if (path === '/hold') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('first part;');
      held.push(res);
    } else {
      res.end('ok');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of held) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A loopback port with nothing listening on it. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
