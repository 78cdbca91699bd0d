import { context, type Context } from '@opentelemetry/api';

type Emit = (event: string | symbol, ...args: unknown[]) => boolean;

/** An event emitter (`IncomingMessage`, `ServerResponse`, any `EventEmitter`). */
export interface ContextEmitter {
  emit: Emit;
  listenerCount?(event: string | symbol): number;
}

/** The context an `emit` wrapper runs listeners in; replaced when a second tracer binds. */
interface EmitBinding {
  ctx: Context;
}

const BINDING = Symbol('otelware.emitBinding');

type BoundEmit = Emit & { [BINDING]?: EmitBinding };

/**
 * Makes every event of `emitter` run its listeners in `ctx`. Events of a request
 * stream come from the socket, outside the request's context, so a listener on
 * `req.on('data')` would otherwise see no active span. The emitter gets one field,
 * its own `emit`, and nothing else: a side table (WeakMap) costs the garbage
 * collector more than this closure. Even that one field is not free on Express,
 * whose `req` is re-prototyped per request so that V8 builds new maps for every
 * field added afterwards (docs/benchmarks.md measures it). `removeListener` keeps
 * working as it is.
 */
export function runEmitterInContext(emitter: ContextEmitter, ctx: Context): void {
  const current = emitter.emit as BoundEmit;
  const bound = current[BINDING];
  if (bound !== undefined) {
    bound.ctx = ctx; // bound already (two tracers on one request): the newest context wins
    return;
  }
  const binding: EmitBinding = { ctx };
  const emitInContext: BoundEmit = function emitInContext(
    this: ContextEmitter,
    event: string | symbol,
    ...args: unknown[]
  ): boolean {
    // most of a request's events (`readable`, `resume`, `end`, `close`) have no
    // listener: emitting those needs no context switch
    if (typeof this.listenerCount === 'function' && this.listenerCount(event) === 0) {
      return current.call(this, event, ...args);
    }
    return context.with(binding.ctx, current, this, event, ...args);
  };
  emitInContext[BINDING] = binding;
  emitter.emit = emitInContext;
}
