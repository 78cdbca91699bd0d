/** A private value that adapters keep for a framework object (a request, a context). */
export interface ObjectSlot<T> {
  set(target: object, value: T): void;
  /** The value kept for `target`, or `undefined` (also for a non-object). */
  get(target: unknown): T | undefined;
}

/**
 * Creates a slot. Values live in a WeakMap, not on the object: adding a Symbol-keyed
 * property to an object that already holds many (an Express `req` or `res` does)
 * makes V8 turn it into a slow dictionary object, and every later property access
 * of the framework on it pays (about a fifth of an Express request's CPU in the
 * benchmark).
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
  };
}
