/** A private field that adapters keep on a framework object (a request, a context), under a Symbol. */
export interface ObjectSlot<T> {
  set(target: object, value: T): void;
  /** The value kept on `target`, or `undefined` (also for a non-object). */
  get(target: unknown): T | undefined;
}

/** Creates a slot under a new Symbol with `description` (e.g. `otelware.express.requestTrace`). */
export function objectSlot<T>(description: string): ObjectSlot<T> {
  const key = Symbol(description);
  return {
    set(target, value) {
      (target as Record<symbol, T>)[key] = value;
    },
    get(target) {
      return typeof target === 'object' && target !== null
        ? (target as Record<symbol, T | undefined>)[key]
        : undefined;
    },
  };
}
