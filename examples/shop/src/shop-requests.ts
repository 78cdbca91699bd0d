import type { DemoRequest } from '@otelware-examples/demo-kit';

/** A trace id and parent span id sent by a caller outside the shop. */
export const INCOMING_TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

/** What the demo asks the gateway, in order. */
export const SHOP_REQUESTS: DemoRequest[] = [
  ['GET', '/api/orders/1001'], // gateway → orders → users
  ['GET', '/api/users/8'], // gateway → users
  ['GET', '/api/orders/4040'], // orders answers 404: no error anywhere
  ['GET', '/api/orders/1003'], // users throws: 500 in users, then orders, then the gateway
  ['GET', '/api/orders/1002', { headers: { traceparent: INCOMING_TRACEPARENT } }], // joins a trace
];
