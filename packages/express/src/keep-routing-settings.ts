import { reportError } from '@otelware/core/adapter';
import { routerOf, type ExpressApp, type Layer, type Router } from './express-internals';

/** The app and router fields that carry the two routing settings. */
interface SettingsApp extends ExpressApp {
  enabled(setting: string): boolean;
  /** Express 4: creates `app._router` on first `use`/`route`/`param`/verb, an own property of the app. */
  lazyrouter?: () => void;
}

interface SettingsRouter extends Router {
  caseSensitive?: boolean;
  strict?: boolean;
  params?: Record<string, unknown>;
}

type Middleware = (req: never, res: never, next: never) => void;

/** What `app.use(fn)` looks for to treat `fn` as a sub-app: `handle`, `set`, and `emit('mount')`. */
export type Mountable<T extends Middleware> = T & {
  handle: T;
  set: () => undefined;
  emit: (event: string, parent?: unknown) => boolean;
};

/** The layers Express 4's `lazyrouter` puts first in every app's router. */
const EXPRESS4_BUILT_INS = ['query', 'expressInit'];

/** Copies the app's settings to the router, as Express does when it creates the router. */
function applySettings(app: SettingsApp, router: SettingsRouter): void {
  try {
    router.caseSensitive = app.enabled('case sensitive routing');
    router.strict = app.enabled('strict routing');
  } catch (error) {
    reportError('keeping the routing settings', error);
  }
}

/** Whether `router` holds nothing but the layer just pushed for us (and Express 4's built-ins). */
function createdByOurUse(router: SettingsRouter, express4: boolean): boolean {
  const before = router.stack.slice(0, -1) as Array<Layer & { name?: unknown }>;
  const expected = express4 ? EXPRESS4_BUILT_INS : [];
  return (
    Object.keys(router.params ?? {}).length === 0 &&
    before.length === expected.length &&
    before.every((layer, i) => layer.name === expected[i])
  );
}

/** Runs `sync` once, at the app's next router access, then leaves the app as Express made it. */
function onNextRouterAccess(app: SettingsApp, sync: () => void): void {
  const lazyrouter = Object.getOwnPropertyDescriptor(app, 'lazyrouter');
  if (typeof lazyrouter?.value === 'function') {
    const descriptor = lazyrouter;
    const original = lazyrouter.value as () => void;
    // Express 4: every registration calls app.lazyrouter() first
    app.lazyrouter = function lazyrouter(this: SettingsApp): void {
      Object.defineProperty(app, 'lazyrouter', descriptor);
      sync();
      original.call(this);
    };
    return;
  }
  const router = Object.getOwnPropertyDescriptor(app, 'router');
  if (typeof router?.get !== 'function' || router.configurable !== true) return;
  // Express 5: `app.router` is an own lazy getter, read by every registration and request
  Object.defineProperty(app, 'router', {
    configurable: true,
    enumerable: router.enumerable ?? true,
    get(this: SettingsApp): unknown {
      Object.defineProperty(app, 'router', router);
      sync();
      return router.get?.call(this);
    },
  });
}

/**
 * Called by `app.use` once our layer is in the app's router. Points that layer
 * straight at the middleware (no sub-app wrapper per request) and, when our
 * `app.use` is what created the router, lets the router follow the app's
 * `case sensitive routing` and `strict routing` settings until the moment Express
 * would have created it without us: its next router access. From then on the
 * router is exactly as Express would have made it.
 */
function onMount(middleware: Middleware & { mountpath?: unknown; parent?: unknown }, app: unknown) {
  delete middleware.mountpath;
  delete middleware.parent;
  const parent = app as SettingsApp;
  const router = routerOf(parent) as SettingsRouter | undefined;
  const layer = router?.stack.at(-1) as (Layer & { name?: string }) | undefined;
  if (router === undefined || layer === undefined) return;
  if ((layer.handle as { name?: unknown } | undefined)?.name !== 'mounted_app') return;
  layer.handle = middleware;
  layer.name = middleware.name;
  if (typeof parent.enabled !== 'function') return;
  const express4 = typeof parent.lazyrouter === 'function';
  if (createdByOurUse(router, express4)) {
    onNextRouterAccess(parent, () => applySettings(parent, router));
  }
}

/**
 * Makes the middleware look like a sub-app to Express's `app.use`, which then
 * tells it the app it is mounted in (`emit('mount', app)`). Anywhere else
 * (a Router, a route) it stays a plain middleware.
 */
export function keepRoutingSettings<T extends Middleware>(middleware: T): Mountable<T> {
  return Object.assign(middleware, {
    // what Express calls for a sub-app, until onMount replaces that layer's handle
    handle: middleware,
    set: (): undefined => undefined,
    emit(event: string, parent?: unknown): boolean {
      if (event !== 'mount') return false;
      try {
        onMount(middleware, parent);
      } catch (error) {
        reportError('keeping the routing settings', error);
      }
      return true;
    },
  });
}
