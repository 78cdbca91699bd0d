/** A private value that adapters keep for a framework object (a request, a context). */
export interface ObjectSlot<T> {
  set(target: object, value: T): void;
  /** The value kept for `target`, or `undefined` (also for a non-object). */
  get(target: unknown): T | undefined;
  delete(target: object): void;
}

/**
 * Creates a slot. Values live in a WeakMap, not on the object: adding a Symbol-keyed
 * property to an object that already holds many (an Express `req` or `res` does)
 * makes V8 turn it into a slow dictionary object, and every later property access
 * of the framework on it pays (about a fifth of an Express request's CPU in the
 * benchmark). Remove a value once it is no longer needed (`RequestTrace.keepUntilEnd`
 * does): V8's young-generation GC keeps every WeakMap value alive while its entry
 * exists, so a value that leads back to its key (Koa's `ctx` to its `req`) keeps
 * the whole request alive until a full GC.
 */
export function objectSlot<T>(): ObjectSlot<T> {
  const values = new WeakMap<object, T>();
  return {
    set(target, value) {
      values.set(target, value);
    },
    get(target) {
      return typeof target === 'object' && target !== null ? values.get(target) : undefined;
    },
    delete(target) {
      values.delete(target);
    },
  };
}
