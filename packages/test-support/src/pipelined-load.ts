import net from 'node:net';

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
