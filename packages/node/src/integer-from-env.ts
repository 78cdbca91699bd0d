import { diag } from '@opentelemetry/api';
import { envValue } from './env-value';
import type { Env } from './types';

/**
 * An integer variable of at least `min` (0 or 1). Unset or empty: `fallback`. Anything
 * else (a fraction, a word, a number below `min`) warns through `diag` and gives `fallback`
 * too; without one, the caller leaves the setting to the SDK's default.
 */
export function integerFromEnv(env: Env, name: string, min: 0 | 1, fallback: number): number;
export function integerFromEnv(env: Env, name: string, min: 0 | 1): number | undefined;
export function integerFromEnv(
  env: Env,
  name: string,
  min: 0 | 1,
  fallback?: number,
): number | undefined {
  const value = envValue(env, name);
  if (value === undefined) return fallback;
  const number = Number(value);
  if (Number.isInteger(number) && number >= min) return number;
  const expected = min === 1 ? 'a positive integer' : 'a non-negative integer';
  const instead = fallback === undefined ? 'ignored' : `using ${fallback}`;
  diag.warn(`@otelware/node: ${name}="${value}" is not ${expected}; ${instead}`);
  return fallback;
}
