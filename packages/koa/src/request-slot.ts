const CONTEXT_OF_REQUEST = Symbol('otelware.koa.context');

type Slot = { [CONTEXT_OF_REQUEST]?: object };

/** Keeps Koa's `ctx` on the raw request, where the core's `resolveRoute` hook can find it. */
export function attachContext(req: object, ctx: object): void {
  (req as Slot)[CONTEXT_OF_REQUEST] = ctx;
}

/** The Koa `ctx` of a raw request traced by this adapter, if any. */
export function contextOf(req: object): object | undefined {
  return (req as Slot)[CONTEXT_OF_REQUEST];
}
