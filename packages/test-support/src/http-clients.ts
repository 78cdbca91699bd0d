import http from 'node:http';
import net from 'node:net';

// Clients for what supertest does not do: a connection of the request's own, a body
// sent in a later packet, pipelined load on keep-alive connections.

/**
 * GETs `path` from a loopback server on a connection of its own (no agent, so no
 * keep-alive connection outlives the request). Resolves with `'<status> <body>'`
 * once the response ended, or with `'cut: <error message>'` when the connection
 * went away first (`'cut: socket hang up'` before any answer, `'cut: aborted'` mid-body,
 * whether the server's side closed the connection or reset it).
 */
export function getOnOwnConnection(port: number, path: string): Promise<string> {
  return new Promise((resolve) => {
    let headersArrived = false;
    const outgoing = http.get({ host: '127.0.0.1', port, path, agent: false }, (response) => {
      headersArrived = true;
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve(`${response.statusCode} ${body}`));
      response.on('error', (error) => resolve(`cut: ${error.message}`));
    });
    // a reset mid-body (ECONNRESET) reaches the request before the response's 'aborted'
    outgoing.on('error', (error) =>
      resolve(headersArrived ? 'cut: aborted' : `cut: ${error.message}`),
    );
  });
}

/**
 * POSTs `body` as JSON to the server on `port` (loopback), sending the headers at
 * once and the body 30 ms later: the body's stream events then reach the server in
 * a later packet, outside the request's first tick. Resolves with the response text.
 */
export function postInLaterPacket(port: number, path: string, body: string): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const outgoing = http.request(
      {
        port,
        host: '127.0.0.1',
        method: 'POST',
        path,
        headers: {
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
        },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve(text));
      },
    );
    outgoing.on('error', reject);
    outgoing.flushHeaders();
    setTimeout(() => outgoing.end(body), 30);
  });
}

/** Sends `count` pipelined GETs on `socket` and resolves once all `count` responses arrived. */
function batch(socket: net.Socket, paths: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = 0;
    let tail = '';
    const onData = (chunk: Buffer) => {
      // every response starts with a status line; bodies here never contain one
      const text = tail + chunk.toString('latin1');
      seen += text.split('HTTP/1.1 ').length - 1;
      tail = text.slice(-8);
      if (seen >= paths.length) {
        socket.off('data', onData);
        socket.off('error', reject);
        resolve();
      }
    };
    socket.on('data', onData);
    socket.on('error', reject);
    socket.write(paths.map((path) => `GET ${path} HTTP/1.1\r\nHost: localhost\r\n\r\n`).join(''));
  });
}

/**
 * Drives `total` requests through `connections` keep-alive connections, pipelined
 * in batches: the client costs next to nothing, so the time goes to the server.
 * `pathOf(i)` names request `i`'s target.
 */
export async function pipelinedLoad(
  port: number,
  total: number,
  pathOf: (i: number) => string,
  connections = 8,
  batchSize = 50,
): Promise<void> {
  let next = 0;
  async function connection(): Promise<void> {
    const socket = net.connect(port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    try {
      while (next < total) {
        const paths: string[] = [];
        while (paths.length < batchSize && next < total) paths.push(pathOf(next++));
        await batch(socket, paths);
      }
    } finally {
      socket.destroy();
    }
  }
  await Promise.all(Array.from({ length: connections }, connection));
}
