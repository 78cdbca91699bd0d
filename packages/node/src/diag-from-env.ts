import { diag, DiagConsoleLogger } from '@opentelemetry/api';
import { diagLogLevelFromString } from '@opentelemetry/core';
import { envValue } from './env-value';
import type { Env } from './types';

/**
 * `OTEL_LOG_LEVEL` (`error`, `warn`, `info`, `debug`, …): when set, OpenTelemetry's
 * own messages, including this package's warnings about bad settings, go to the
 * console at that level. Unset, the app's own diag logger (if any) is left alone.
 */
export function setDiagLoggerFromEnv(env: Env): void {
  const level = diagLogLevelFromString(envValue(env, 'OTEL_LOG_LEVEL'));
  if (level === undefined) return;
  diag.setLogger(new DiagConsoleLogger(), { logLevel: level, suppressOverrideMessage: true });
}
