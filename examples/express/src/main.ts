// Runs the demo: starts the traced app, sends it a few requests, prints each trace, exits.
import type { AddressInfo } from 'node:net';
import { sendRequests, type DemoRequest } from '@otelware-examples/demo-kit';
import { startTracing } from './tracing';
import { createApp } from './app';

const tracing = startTracing();
const server = createApp().listen(0, async () => {
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const requests: DemoRequest[] = [
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
    ['GET', '/no/such/page'],
  ];
  await sendRequests(base, requests, { flush: tracing.forceFlush });
  server.close();
  await tracing.shutdown();
});
