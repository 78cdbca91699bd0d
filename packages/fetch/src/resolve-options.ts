import {
  applyOptionRules,
  checkOptionNames,
  functionRule,
  HTTP_OPTION_RULES,
  propagatorRule,
  type OptionRules,
  type ResolvedBy,
} from '@otelware/core/adapter';
import type { HttpTracingOptions } from '@otelware/core';
import { destinationFilter } from './propagate-to';
import type { FetchTracingOptions } from './types';

/** fetch's own options; the HTTP options it shares are the core `ClientTracer`'s. */
const FETCH_OPTION_RULES = {
  propagator: propagatorRule(),
  propagateTo: destinationFilter,
  ignore: functionRule(),
  requestHook: functionRule(),
  responseHook: functionRule(),
} satisfies OptionRules<Omit<FetchTracingOptions, keyof HttpTracingOptions>>;

/** The fetch-specific options after validation. */
export type ResolvedFetchOptions = ResolvedBy<typeof FETCH_OPTION_RULES>;

/**
 * Validates the option names and the fetch-specific options once (the shared ones
 * are the core `ClientTracer`'s to check). Throws a `TypeError` naming the first bad option.
 */
export function resolveFetchOptions(options: FetchTracingOptions): ResolvedFetchOptions {
  checkOptionNames(options, [HTTP_OPTION_RULES, FETCH_OPTION_RULES]);
  return applyOptionRules(FETCH_OPTION_RULES, options);
}
