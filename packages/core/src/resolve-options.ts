import type { MeterProvider, TracerProvider } from '@opentelemetry/api';
import { headerCapture, type HeaderCapture } from './capture-headers';
import { resolveKnownMethods } from './known-methods';
import {
  functionRule,
  hasMethods,
  isObject,
  isStringArray,
  propagatorRule,
  resolveOptionsWith,
  rule,
  type OptionRules,
  type ResolvedBy,
} from './option-rules';
import { DEFAULT_REDACTED_QUERY_PARAMS } from './redact';
import type { CaptureHeaders, HttpTracingOptions, TracingOptions } from './types';

const STRINGS = 'an array of strings';

/** `captureHeaders`' two lists, each resolved to its header-to-attribute pairs. */
const CAPTURE_HEADERS_RULES = {
  request: rule(isStringArray, STRINGS, (names) => headerCapture(names, 'request')),
  response: rule(isStringArray, STRINGS, (names) => headerCapture(names, 'response')),
} satisfies OptionRules<CaptureHeaders>;

/** The options every HTTP integration shares (`HttpTracingOptions`), server and client. */
export const HTTP_OPTION_RULES = {
  tracerProvider: rule<TracerProvider>(
    hasMethods('getTracer'),
    'a TracerProvider (with getTracer())',
  ),
  meterProvider: rule<MeterProvider>(hasMethods('getMeter'), 'a MeterProvider (with getMeter())'),
  captureHeaders: rule(
    (value) => isObject(value) && !Array.isArray(value),
    'an object { request?: string[], response?: string[] }',
    (value, name) => resolveOptionsWith(CAPTURE_HEADERS_RULES, value ?? {}, `${name}.`),
  ),
  redactQueryParams: rule(
    isStringArray,
    STRINGS,
    (names) => new Set(names ?? DEFAULT_REDACTED_QUERY_PARAMS),
  ),
  knownMethods: rule(isStringArray, STRINGS, (methods) => resolveKnownMethods(methods)),
} satisfies OptionRules<HttpTracingOptions>;

/** The server's options (`TracingOptions`). */
const SERVER_OPTION_RULES = {
  ...HTTP_OPTION_RULES,
  propagator: propagatorRule(),
  ignore: functionRule(),
  spanName: functionRule(),
  requestHook: functionRule(),
  responseHook: functionRule(),
  traceResponse: rule(
    (value) => value === false || value === 'traceresponse' || value === 'server-timing',
    `false, 'traceresponse' or 'server-timing'`,
    (format) => format ?? false,
  ),
} satisfies OptionRules<TracingOptions>;

/** Options after validation, in the form the request path reads them. */
export type ResolvedOptions = Omit<ResolvedBy<typeof SERVER_OPTION_RULES>, 'captureHeaders'> & {
  readonly requestHeaders: HeaderCapture;
  readonly responseHeaders: HeaderCapture;
};

/**
 * Validates the user's options once, at startup, and resolves the defaults.
 * Throws a `TypeError` naming the first bad option.
 */
export function resolveOptions(options: TracingOptions | undefined): ResolvedOptions {
  const { captureHeaders, ...resolved } = resolveOptionsWith(
    SERVER_OPTION_RULES,
    options === undefined ? {} : options, // null is a bad options object, not a missing one
  );
  return {
    ...resolved,
    requestHeaders: captureHeaders.request,
    responseHeaders: captureHeaders.response,
  };
}
