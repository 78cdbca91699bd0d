import { mountedRouter, routerOf, type ExpressApp, type Layer } from './express-internals';
import { traceOf } from '@otelware/core/adapter';

type Handler = ((...args: unknown[]) => unknown) & { [WRAPPED]?: true };
type ErrorHandler = (
  err: unknown,
  req: unknown,
  res: unknown,
  next: (err?: unknown) => void,
) => unknown;

const WRAPPED = Symbol('otelware.express.wrapped');
const SEEN_STACK_SIZE = Symbol('otelware.express.seenStackSize');

/** The last error layer of the app: keeps the error that reached it and passes it on unchanged. */
function otelwareRecordError(
  err: unknown,
  req: unknown,
  _res: unknown,
  next: (err?: unknown) => void,
): void {
  traceOf(req)?.setError(err);
  next(err);
}
(otelwareRecordError as Handler)[WRAPPED] = true;

function wrapErrorHandler(original: ErrorHandler): Handler {
  // four declared parameters: Express tells error handlers by `length === 4`
  const wrapped = function otelwareErrorHandler(
    this: unknown,
    err: unknown,
    req: unknown,
    res: unknown,
    next: (err?: unknown) => void,
  ): unknown {
    traceOf(req)?.setError(err);
    return original.call(this, err, req, res, next);
  } as Handler;
  wrapped[WRAPPED] = true;
  return wrapped;
}

function wrapErrorHandlers(layers: Layer[], depth: number): void {
  if (depth > 16) return;
  for (const layer of layers) {
    const handle = layer.handle as Handler;
    if (typeof handle !== 'function' || handle[WRAPPED]) continue;
    const router = layer.route ?? mountedRouter(layer);
    if (router !== undefined) wrapErrorHandlers(router.stack, depth + 1);
    else if (handle.length === 4) layer.handle = wrapErrorHandler(handle as ErrorHandler);
  }
}

/**
 * Lets the span see the app's errors without patching Express: every error
 * handler in the app's router tree is wrapped to hand the error to the request's
 * trace first, and one last error layer does the same for what no handler took
 * (Express then answers it with 500). Runs again whenever the app's top-level
 * stack has grown.
 */
export function watchAppErrors(app: ExpressApp): void {
  const router = routerOf(app);
  const state = app as ExpressApp & { [SEEN_STACK_SIZE]?: number };
  if (router === undefined || state[SEEN_STACK_SIZE] === router.stack.length) return;
  wrapErrorHandlers(router.stack, 0);
  if (router.stack.at(-1)?.handle !== otelwareRecordError) app.use(otelwareRecordError);
  state[SEEN_STACK_SIZE] = router.stack.length;
}
