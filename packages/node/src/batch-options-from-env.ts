import type { BatchSpanProcessorOptions } from '@opentelemetry/sdk-trace';
import { integerFromEnv } from './integer-from-env';
import type { Env } from './types';

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
