import { context, type Context } from '@opentelemetry/api';

// Kept beside the emitter, not on it: see objectSlot for why no Symbol property is added.
const emitContexts = new WeakMap<object, Context>();
const ownEmits = new WeakMap<object, Emit>();

type Emit = (event: string | symbol, ...args: unknown[]) => boolean;

/** An event emitter (`IncomingMessage`, `ServerResponse`, any `EventEmitter`). */
export interface ContextEmitter {
  emit: Emit;
  listenerCount?(event: string | symbol): number;
}

function emitInContext(this: ContextEmitter, event: string | symbol, ...args: unknown[]): boolean {
  const original = ownEmits.get(this) ?? (Object.getPrototypeOf(this) as ContextEmitter).emit;
  // most of a request's events (`readable`, `resume`, `end`, `close`) have no
  // listener: emitting those needs no context switch
  if (typeof this.listenerCount === 'function' && this.listenerCount(event) === 0) {
    return original.call(this, event, ...args);
  }
  const ctx = emitContexts.get(this);
  if (ctx === undefined) return original.call(this, event, ...args);
  return context.with(ctx, original, this, event, ...args);
}

/**
 * Makes every event of `emitter` run its listeners in `ctx`. Events of a request
 * stream come from the socket, outside the request's context, so a listener on
 * `req.on('data')` would otherwise see no active span. One shared `emit` wrapper
 * and one field per emitter (two if it had an `emit` of its own): no closure per
 * request or per listener, and `removeListener` keeps working as it is.
 */
export function runEmitterInContext(emitter: ContextEmitter, ctx: Context): void {
  emitContexts.set(emitter, ctx);
  if (emitter.emit === emitInContext) return; // bound already (two tracers on one request)
  // an inherited emit (the usual case) is found again on the prototype
  if (Object.prototype.hasOwnProperty.call(emitter, 'emit')) ownEmits.set(emitter, emitter.emit);
  emitter.emit = emitInContext;
}
