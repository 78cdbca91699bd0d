import type { ContextEmitter } from '@otelware/core/adapter';
import { IncomingMessage } from 'node:http';

/**
 * The request prototype that every app of one Express copy shares: `express.request`,
 * the extension point Express documents for all its apps. Express builds it on
 * `http.IncomingMessage.prototype` and re-prototypes each `req` onto the app's own
 * `request`, which inherits from it (a mounted sub-app's through its parent's). So
 * it is the object just above `IncomingMessage.prototype` in the chain of `req`;
 * undefined when `req` is not built that way.
 */
export function sharedRequestPrototype(req: ContextEmitter): ContextEmitter | undefined {
  let below: object | undefined;
  for (
    let proto: object | null = Object.getPrototypeOf(req) as object | null;
    proto !== null;
    proto = Object.getPrototypeOf(proto) as object | null
  ) {
    if (proto === IncomingMessage.prototype) return below as ContextEmitter | undefined;
    below = proto;
  }
  return undefined;
}
