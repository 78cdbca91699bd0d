/**
 * The local server the fetch loop calls: plain `node:http`, a small JSON answer
 * that tells which `traceparent` it received (for the correctness probe).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const server = createServer((request, response) => {
  const body = JSON.stringify({ traceparent: request.headers.traceparent ?? null });
  response.writeHead(200, { 'content-type': 'application/json' }).end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.send?.({ type: 'ready', port: (server.address() as AddressInfo).port });
});
process.on('disconnect', () => process.exit(0));
process.on('message', (message: { type?: string }) => {
  if (message.type === 'exit') process.exit(0);
});
