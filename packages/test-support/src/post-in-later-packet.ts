import http from 'node:http';

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
