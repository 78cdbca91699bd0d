import { diag, DiagConsoleLogger } from '@opentelemetry/api';
import { diagLogLevelFromString } from '@opentelemetry/core';
import type { BatchSpanProcessorOptions, SpanLimits } from '@opentelemetry/sdk-trace';
import type { Env } from './types';

/**
 * A variable's value, trimmed; `undefined` when unset or empty, since the
 * specification treats an empty value as unset.
 */
export function envValue(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

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

/** A `BatchSpanProcessor`'s settings, its exporter aside. */
export type BatchOptions = Omit<BatchSpanProcessorOptions, 'exporter'>;

/**
 * The batch span processor settings of the environment, which the SDK does not read
 * itself: `OTEL_BSP_SCHEDULE_DELAY` and `OTEL_BSP_EXPORT_TIMEOUT` (milliseconds),
 * `OTEL_BSP_MAX_QUEUE_SIZE` and `OTEL_BSP_MAX_EXPORT_BATCH_SIZE`. One unset (or invalid,
 * with a warning) keeps the SDK's default: 5000, 30000, 2048 and 512.
 */
export function batchOptionsFromEnv(env: Env): BatchOptions {
  return {
    scheduledDelayMillis: integerFromEnv(env, 'OTEL_BSP_SCHEDULE_DELAY', 0),
    exportTimeoutMillis: integerFromEnv(env, 'OTEL_BSP_EXPORT_TIMEOUT', 1),
    maxQueueSize: integerFromEnv(env, 'OTEL_BSP_MAX_QUEUE_SIZE', 1),
    maxExportBatchSize: integerFromEnv(env, 'OTEL_BSP_MAX_EXPORT_BATCH_SIZE', 1),
  };
}

/**
 * The span limits of the environment, which the SDK does not read itself:
 * `OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT` (else `OTEL_ATTRIBUTE_COUNT_LIMIT`),
 * `OTEL_SPAN_ATTRIBUTE_VALUE_LENGTH_LIMIT` (else `OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT`),
 * `OTEL_SPAN_EVENT_COUNT_LIMIT`, `OTEL_SPAN_LINK_COUNT_LIMIT`,
 * `OTEL_SPAN_ATTRIBUTE_PER_EVENT_COUNT_LIMIT` and `OTEL_SPAN_ATTRIBUTE_PER_LINK_COUNT_LIMIT`.
 * One unset (or invalid, with a warning) keeps the SDK's default: 128 each, and values of
 * any length.
 */
export function spanLimitsFromEnv(env: Env): SpanLimits {
  const limit = (name: string) => integerFromEnv(env, name, 0);
  return {
    attributeCountLimit:
      limit('OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT') ?? limit('OTEL_ATTRIBUTE_COUNT_LIMIT'),
    attributeValueLengthLimit:
      limit('OTEL_SPAN_ATTRIBUTE_VALUE_LENGTH_LIMIT') ?? limit('OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT'),
    eventCountLimit: limit('OTEL_SPAN_EVENT_COUNT_LIMIT'),
    linkCountLimit: limit('OTEL_SPAN_LINK_COUNT_LIMIT'),
    attributePerEventCountLimit: limit('OTEL_SPAN_ATTRIBUTE_PER_EVENT_COUNT_LIMIT'),
    attributePerLinkCountLimit: limit('OTEL_SPAN_ATTRIBUTE_PER_LINK_COUNT_LIMIT'),
  };
}
