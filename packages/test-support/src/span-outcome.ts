import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
} from '@opentelemetry/semantic-conventions';
import { ATTR_OTELWARE_ABORTED } from '@otelware/core';

/** How a server span ended: name, route, status code, abort mark, status, error and event names. */
export function spanOutcome(span: ReadableSpan | undefined) {
  return {
    name: span?.name,
    route: span?.attributes[ATTR_HTTP_ROUTE],
    statusCode: span?.attributes[ATTR_HTTP_RESPONSE_STATUS_CODE],
    aborted: span?.attributes[ATTR_OTELWARE_ABORTED],
    status: span?.status.code,
    errorType: span?.attributes[ATTR_ERROR_TYPE],
    events: span?.events.map((event) => event.name),
  };
}
