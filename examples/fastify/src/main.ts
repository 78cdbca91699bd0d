// Runs the demo: starts the traced app, sends it a few requests, prints the spans, exits.
import type { AddressInfo } from 'node:net';
import { startTracing } from './tracing';
import { createApp } from './app';

const provider = startTracing();
const app = await createApp();
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const requests: Array<[string, string, RequestInit?]> = [
  ['GET', '/api/users/42'],
  [
    'GET',
    '/api/users/7',
    { headers: { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' } },
  ],
  [
    'POST',
    '/api/orders',
    { body: JSON.stringify({ item: 'tea' }), headers: { 'content-type': 'application/json' } },
  ],
  ['GET', '/api/fail'],
  ['GET', '/health'],
  ['GET', '/no/such/page'],
];
for (const [method, path, init] of requests) {
  const response = await fetch(base + path, { method, ...init });
  await response.text();
  console.log(`\n${method} ${path} -> ${response.status}`);
  await new Promise((resolve) => setTimeout(resolve, 20)); // let the span end and print
}
await app.close();
await provider.shutdown();
