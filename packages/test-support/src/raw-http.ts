import net from 'node:net';

/** Everything a server wrote on one connection, and how it ended the connection. */
export interface RawAnswer {
  /** The bytes written, as latin1 text. */
  readonly response: string;
  /**
   * True when the connection ended with a reset instead of a close. Node's server
   * answers a request its parser rejects (400, 431) and destroys the socket; request
   * bytes it never read make the kernel send a reset. Whether a Node client reports
   * that reset depends on libuv: 1.52 (Node 24) reads it as `ECONNRESET`, older ones
   * may report a plain end.
   */
  readonly reset: boolean;
}

/**
 * Sends `head` (and `body`) byte for byte on a new connection and resolves with
 * everything the server wrote until it closed or reset the connection. No HTTP
 * client stands in between, so headers Node's client refuses to send (control
 * characters, raw UTF-8, repeated `traceparent`) reach the server as written.
 * The request should say `Connection: close`.
 */
export function rawAnswer(port: number, head: string, body = ''): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let reset = false;
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNRESET' || error.code === 'EPIPE') reset = true;
      else reject(error);
    });
    socket.on('close', () =>
      resolve({ response: Buffer.concat(chunks).toString('latin1'), reset }),
    );
    socket.end(Buffer.from(head + body, 'latin1'));
  });
}

/** `rawAnswer`'s response, for requests the server must answer and close normally. */
export async function rawExchange(port: number, head: string, body = ''): Promise<string> {
  const { response, reset } = await rawAnswer(port, head, body);
  if (reset) throw new Error(`the server reset the connection after writing: ${response}`);
  return response;
}

/** A response without its `Date` header, the one line that differs between two runs. */
export function withoutDate(response: string): string {
  return response.replace(/^Date: [^\r]*\r\n/im, '');
}

/** The status code of a raw response, or `undefined` when none came. */
export function statusOf(response: string): number | undefined {
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(response);
  return match ? Number(match[1]) : undefined;
}

/** The body of a raw response that had a `Content-Length` (or ran to the connection's end). */
export function bodyOf(response: string): string {
  const start = response.indexOf('\r\n\r\n');
  return start === -1 ? '' : response.slice(start + 4);
}

/** UTF-8 text as the latin1 string whose bytes are its UTF-8 encoding (for `rawExchange`). */
export function utf8Bytes(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1');
}
