import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A service listening on a free local port. */
export interface RunningService {
  readonly url: string;
  close(): Promise<void>;
}

/** Listens on a free port of 127.0.0.1 (Express's and Koa's `listen` return a Node server). */
export async function listenLocally(server: Server): Promise<RunningService> {
  if (!server.listening) await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      ),
  };
}
