import type { RoutePath } from '@otelware/core/adapter';

/**
 * The parts of Express's router internals that otelware reads, typed structurally.
 * Express 4 (`lib/router`) and Express 5 (the `router` package, 2.x) differ here,
 * so every field is optional and every reader checks what it finds.
 */

/** The outcome of an Express 5 layer matcher. */
export type MatcherResult = { path: string; params: Record<string, unknown> } | false;

export interface Layer {
  handle: unknown;
  route?: Route;
  /** Express 4: the compiled path, with the parameter names in `keys`. */
  regexp?: RegExp & { fast_slash?: boolean; fast_star?: boolean };
  keys?: ReadonlyArray<{ name: string | number; optional?: boolean }>;
  /** Express 5: one matcher per registered path. */
  matchers?: ReadonlyArray<(path: string) => MatcherResult>;
  /** Express 5 with router 2.3 or newer: the path exactly as registered. */
  rawPath?: RoutePath;
  /** Express 5: a `use('/')` layer, which matches everything and consumes nothing. */
  slash?: boolean;
}

export interface Route {
  path: RoutePath;
  stack: Layer[];
}

export interface Router {
  stack: Layer[];
}

export interface ExpressApp {
  _router?: Router;
  readonly router?: Router;
  mountpath?: RoutePath;
  parent?: ExpressApp;
  use(...handlers: unknown[]): unknown;
}

/** The request fields Express sets while routing. */
export interface RoutedRequest {
  route?: Route;
  baseUrl?: string;
  originalUrl?: string;
  app?: ExpressApp;
}

/** The app's router: `app._router` in Express 4, `app.router` in Express 5 (a getter that throws in 4). */
export function routerOf(app: ExpressApp): Router | undefined {
  if (Array.isArray(app._router?.stack)) return app._router;
  try {
    const router = app.router;
    return Array.isArray(router?.stack) ? router : undefined;
  } catch {
    return undefined;
  }
}

/** The router a `use()` layer mounts, if it mounts one (sub-apps are hidden behind a closure). */
export function mountedRouter(layer: Layer): Router | undefined {
  const handle = layer.handle;
  return layer.route === undefined &&
    typeof handle === 'function' &&
    Array.isArray((handle as Partial<Router>).stack)
    ? (handle as unknown as Router)
    : undefined;
}
