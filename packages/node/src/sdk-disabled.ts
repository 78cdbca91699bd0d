import { diag } from '@opentelemetry/api';
import { envValue } from './env-value';
import type { Env } from './types';

/**
 * `OTEL_SDK_DISABLED`: only `true` (any case) disables; anything but `false`,
 * empty or unset is also taken as false, with a warning (as the spec asks).
 */
export function isSdkDisabled(env: Env): boolean {
  const value = envValue(env, 'OTEL_SDK_DISABLED')?.toLowerCase();
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  diag.warn(`@otelware/node: OTEL_SDK_DISABLED="${value}" is neither true nor false; not disabled`);
  return false;
}
