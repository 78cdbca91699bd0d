import net from 'node:net';

/**
 * Sends `head` (and `body`) byte for byte on a new connection and resolves with
 * everything the server wrote until it closed, as latin1 text. No HTTP client
 * stands in between, so headers Node's client refuses to send (control
 * characters, raw UTF-8, repeated `traceparent`) reach the server as written.
 * The request should say `Connection: close`.
 */
export function rawExchange(port: number, head: string, body = ''): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.end(Buffer.from(head + body, 'latin1'));
  });
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
