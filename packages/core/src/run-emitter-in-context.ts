import { context, type Context } from '@opentelemetry/api';

const EMIT_CONTEXT = Symbol('otelware.emitContext');
const ORIGINAL_EMIT = Symbol('otelware.originalEmit');

type Emit = (event: string | symbol, ...args: unknown[]) => boolean;

/** An event emitter (`IncomingMessage`, `ServerResponse`, any `EventEmitter`). */
export interface ContextEmitter {
  emit: Emit;
  listenerCount?(event: string | symbol): number;
}

type Bound = ContextEmitter & { [EMIT_CONTEXT]?: Context; [ORIGINAL_EMIT]?: Emit };

function emitInContext(this: Bound, event: string | symbol, ...args: unknown[]): boolean {
  const original = this[ORIGINAL_EMIT] ?? (Object.getPrototypeOf(this) as ContextEmitter).emit;
  // most of a request's events (`readable`, `resume`, `end`, `close`) have no
  // listener: emitting those needs no context switch
  if (typeof this.listenerCount === 'function' && this.listenerCount(event) === 0) {
    return original.call(this, event, ...args);
  }
  return context.with(this[EMIT_CONTEXT] as Context, original, this, event, ...args);
}

/**
 * Makes every event of `emitter` run its listeners in `ctx`. Events of a request
 * stream come from the socket, outside the request's context, so a listener on
 * `req.on('data')` would otherwise see no active span. One shared `emit` wrapper
 * and one field per emitter (two if it had an `emit` of its own): no closure per
 * request or per listener, and `removeListener` keeps working as it is.
 */
export function runEmitterInContext(emitter: ContextEmitter, ctx: Context): void {
  const bound = emitter as Bound;
  bound[EMIT_CONTEXT] = ctx;
  if (bound.emit === emitInContext) return; // bound already (two tracers on one request)
  // an inherited emit (the usual case) is found again on the prototype: every field
  // added to a request object costs a hidden-class transition on the hot path
  if (Object.prototype.hasOwnProperty.call(bound, 'emit')) bound[ORIGINAL_EMIT] = bound.emit;
  bound.emit = emitInContext;
}
