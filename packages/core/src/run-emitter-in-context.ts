import { context, type Context } from '@opentelemetry/api';
import { keptContextOf } from './open-requests';

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
const SHARED = Symbol('otelware.sharedEmit');

type BoundEmit = Emit & { [BINDING]?: EmitBinding; [SHARED]?: true };

/** Most of a request's events (`readable`, `resume`, `end`, `close`) have no listener: those need no context switch. */
function unheard(emitter: ContextEmitter, event: string | symbol): boolean {
  return typeof emitter.listenerCount === 'function' && emitter.listenerCount(event) === 0;
}

/**
 * Makes every event of `emitter` run its listeners in `ctx`. Events of a request
 * stream come from the socket, outside the request's context, so a listener on
 * `req.on('data')` would otherwise see no active span. The emitter gets one field,
 * its own `emit`, and no side-table entry. Where a field on each request is the
 * costlier of the two, because the framework re-prototypes every request (Express),
 * use `sharesEmit`, whose wrapper reads the context from a side table
 * instead (docs/architecture.md, "Per-request state"). `removeListener` keeps
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
    if (unheard(this, event)) return current.call(this, event, ...args);
    return context.with(binding.ctx, current, this, event, ...args);
  };
  emitInContext[BINDING] = binding;
  emitter.emit = emitInContext;
}

/** Gives `prototype` its own `emit` that runs each emitter's listeners in the context kept for it. */
function shareEmitOf(prototype: ContextEmitter): void {
  const inherited = prototype.emit;
  if (typeof inherited !== 'function') return;
  const emitInItsContext: BoundEmit = function emitInItsContext(
    this: ContextEmitter,
    event: string | symbol,
    ...args: unknown[]
  ): boolean {
    // emitters of this prototype that no tracer bound (an untraced app) pass straight through
    const ctx = unheard(this, event) ? undefined : keptContextOf(this);
    if (ctx === undefined) return inherited.call(this, event, ...args);
    return context.with(ctx, inherited, this, event, ...args);
  };
  emitInItsContext[SHARED] = true;
  Object.defineProperty(prototype, 'emit', {
    value: emitInItsContext,
    writable: true,
    configurable: true,
    enumerable: false,
  });
}

/**
 * Makes `emitter.emit` the wrapper on the prototype many emitters share, which
 * runs each emitter's listeners in the context kept for it (`keepContext`), so the
 * emitter itself gets no field at all. `sharedPrototypeOf` finds the prototype to
 * wrap; it is asked only until the wrapper is in place. False when `emitter.emit`
 * does not reach that wrapper (no prototype found, or something shadows it).
 */
export function sharesEmit(
  emitter: ContextEmitter,
  sharedPrototypeOf: (emitter: ContextEmitter) => ContextEmitter | undefined,
): boolean {
  if ((emitter.emit as BoundEmit)[SHARED] === true) return true;
  const prototype = sharedPrototypeOf(emitter);
  if (prototype !== undefined && (prototype.emit as BoundEmit)[SHARED] !== true) {
    shareEmitOf(prototype);
  }
  return (emitter.emit as BoundEmit)[SHARED] === true;
}
