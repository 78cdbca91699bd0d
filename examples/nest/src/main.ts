// Runs the demo: starts the traced app, sends it a few requests, prints each trace, exits.
// `tsx src/main.ts fastify` runs it on @nestjs/platform-fastify, else on platform-express.
import { sendRequests, type DemoRequest } from '@otelware-examples/demo-kit';
import { startTracing } from './tracing';
import { createApp } from './app';

const tracing = startTracing();
const app = await createApp(process.argv[2] === 'fastify' ? 'fastify' : 'express');
await app.listen(0, '127.0.0.1');
const requests: DemoRequest[] = [
  ['GET', '/api/users/42'],
  [
    'GET',
    '/api/users/7',
    { headers: { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' } },
  ],
  ['GET', '/api/users/0'],
  ['GET', '/api/orders/fail'],
  ['GET', '/no/such/page'],
];
await sendRequests(await app.getUrl(), requests, { flush: tracing.forceFlush });
await app.close();
await tracing.shutdown();
