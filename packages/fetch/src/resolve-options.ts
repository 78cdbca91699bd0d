import type { TextMapPropagator } from '@opentelemetry/api';
import { checkFunction, checkOptionNames, checkPropagator } from '@otelware/core/adapter';
import { destinationFilter } from './propagate-to';
import type { FetchTracingOptions } from './types';

/** The fetch-specific options after validation. */
export interface ResolvedFetchOptions {
  readonly propagator: TextMapPropagator | undefined;
  readonly propagatesTo: (url: URL) => boolean;
  readonly ignore: FetchTracingOptions['ignore'];
  readonly requestHook: FetchTracingOptions['requestHook'];
  readonly responseHook: FetchTracingOptions['responseHook'];
}

const OPTION_NAMES: ReadonlySet<string> = new Set<keyof FetchTracingOptions>([
  'tracerProvider',
  'meterProvider',
  'propagator',
  'propagateTo',
  'ignore',
  'requestHook',
  'responseHook',
  'captureHeaders',
  'redactQueryParams',
  'knownMethods',
]);

/**
 * Validates the fetch-specific options once (the shared ones are the core
 * `ClientTracer`'s to check). Throws a `TypeError` naming the first bad option.
 */
export function resolveFetchOptions(options: FetchTracingOptions): ResolvedFetchOptions {
  checkOptionNames(options, OPTION_NAMES);
  checkPropagator(options.propagator);
  return {
    propagator: options.propagator,
    propagatesTo: destinationFilter(options.propagateTo),
    ignore: checkFunction(options.ignore, 'ignore'),
    requestHook: checkFunction(options.requestHook, 'requestHook'),
    responseHook: checkFunction(options.responseHook, 'responseHook'),
  };
}
