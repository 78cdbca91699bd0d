import type { SpanLimits } from '@opentelemetry/sdk-trace';
import { integerFromEnv } from './integer-from-env';
import type { Env } from './types';

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
