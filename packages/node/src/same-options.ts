import type { NodeTracingOptions } from './types';

function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (
    Object.getPrototypeOf(a) !== Object.prototype ||
    Object.getPrototypeOf(b) !== Object.prototype
  ) {
    return false;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => Object.is((a as never)[key], (b as never)[key]));
}

/**
 * Whether a second `start()` asked for the same set-up: each option the same value,
 * or, for plain objects (`env`, `resourceAttributes`), the same entries.
 */
export function sameOptions(a: NodeTracingOptions, b: NodeTracingOptions): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof NodeTracingOptions>;
  return [...keys].every((key) => sameValue(a[key], b[key]));
}
