import type { TracingOptions } from '@otelware/core';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';

/** What the neutral test app does, the same on every framework. */
export interface NeutralRoutes {
  /** Any method on `/items/:id`: 200 `text/plain` with the text this resolves to, in the handler. */
  text(id: string): Promise<string> | string;
  /** `GET /stream/:id`: 200 `text/plain` with this stream as the body. */
  stream(id: string): Readable;
}

/** An app listening on a loopback port. */
export interface RunningServer {
  readonly port: number;
  readonly server: http.Server;
  /** Stops listening and drops every open connection. */
  close(): Promise<void>;
}

/** One framework major under test, as the reliability suites drive it. */
export interface ServerSubject {
  /** e.g. `Express 5`. */
  readonly name: string;
  /** The adapter package, the span's instrumentation scope: `@otelware/koa`. */
  readonly scope: string;
  /**
   * True when the framework answers some hostile requests itself, before any hook
   * or middleware runs, so no span can exist for them: Fastify's router does for
   * paths it cannot %-decode, over-long parameters, and (Fastify 4) methods it
   * does not route. The suites then require at most one span per request.
   */
  readonly answersSomeRequestsBeforeHooks?: boolean;
  /**
   * Starts an app serving the neutral routes (any other path gets the framework's
   * own 404) on a loopback port: traced with `options`, or untraced when they are
   * `undefined`. `serverOptions` go to Node's `http.createServer`.
   */
  start(
    routes: NeutralRoutes,
    options: TracingOptions | undefined,
    serverOptions?: http.ServerOptions,
  ): Promise<RunningServer>;
}

/** Node's http server options the hostile-input suites need to let hostile requests in. */
export const LENIENT_SERVER: http.ServerOptions = {
  // control characters in header values reach the app instead of a parser 400
  insecureHTTPParser: true,
  // 1 MB headers reach the app instead of a parser 431
  maxHeaderSize: 4 * 1024 * 1024,
};

/** Listens on a free loopback port; `close` also ends keep-alive connections. */
export async function listenOnLoopback(server: http.Server): Promise<RunningServer> {
  // a backlog for thousands of connections opened at once (the default 511 resets some)
  await new Promise<void>((resolve) =>
    server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, resolve),
  );
  const { port } = server.address() as AddressInfo;
  return {
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * A response body that sends `first chunk\n`, then fails 20 ms later, as a file
 * read or an upstream response can: the headers and a chunk are out when it errors.
 */
export function failingBody(): Readable {
  const body = new Readable({ read: () => undefined });
  body.push('first chunk\n');
  setTimeout(() => body.destroy(new Error('upstream went away')), 20);
  return body;
}
