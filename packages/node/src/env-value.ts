import type { Env } from './types';

/**
 * A variable's value, trimmed; `undefined` when unset or empty, since the
 * specification treats an empty value as unset.
 */
export function envValue(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}
