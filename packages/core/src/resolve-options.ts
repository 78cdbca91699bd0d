import type { TextMapPropagator, TracerProvider } from '@opentelemetry/api';
import { headerCapture, type HeaderCapture } from './capture-headers';
import { resolveKnownMethods } from './known-methods';
import { DEFAULT_REDACTED_QUERY_PARAMS } from './redact-query';
import type { RequestAttributeConfig } from './request-attributes';
import type { TracingOptions } from './types';

/** Options after validation, in the form the request path reads them. */
export interface ResolvedOptions extends RequestAttributeConfig {
  readonly tracerProvider: TracerProvider | undefined;
  readonly propagator: TextMapPropagator | undefined;
  readonly ignore: TracingOptions['ignore'];
  readonly spanName: TracingOptions['spanName'];
  readonly requestHook: TracingOptions['requestHook'];
  readonly responseHook: TracingOptions['responseHook'];
  readonly responseHeaders: HeaderCapture;
  readonly knownMethods: ReadonlySet<string>;
}

const OPTION_NAMES: ReadonlySet<string> = new Set<keyof TracingOptions>([
  'tracerProvider',
  'propagator',
  'ignore',
  'spanName',
  'requestHook',
  'responseHook',
  'captureHeaders',
  'redactQueryParams',
  'knownMethods',
]);

function fail(message: string): never {
  throw new TypeError(`@otelware: ${message}`);
}

function hasMethods(value: unknown, methods: readonly string[]): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    methods.every((method) => typeof (value as Record<string, unknown>)[method] === 'function')
  );
}

function optionalFunction<K extends keyof TracingOptions>(
  options: TracingOptions,
  name: K,
): TracingOptions[K] {
  const value = options[name];
  if (value !== undefined && typeof value !== 'function')
    fail(`option "${name}" must be a function`);
  return value;
}

function optionalStringArray(value: unknown, name: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    fail(`option "${name}" must be an array of strings`);
  }
  return value;
}

function checkKnownNames(options: object): void {
  for (const name of Object.keys(options)) {
    if (!OPTION_NAMES.has(name)) fail(`unknown option "${name}"`);
  }
}

function checkCaptureHeaders(value: unknown): void {
  if (value === undefined) return;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail('option "captureHeaders" must be an object { request?: string[], response?: string[] }');
  }
  for (const key of Object.keys(value)) {
    if (key !== 'request' && key !== 'response') fail(`unknown option "captureHeaders.${key}"`);
  }
}

/**
 * Validates the user's options once, at startup, and resolves the defaults.
 * Throws a `TypeError` naming the first bad option.
 */
export function resolveOptions(options: TracingOptions | undefined): ResolvedOptions {
  if (options === undefined) options = {};
  if (typeof options !== 'object' || options === null) fail('options must be an object');
  checkKnownNames(options);

  const { tracerProvider, propagator, captureHeaders } = options;
  if (tracerProvider !== undefined && !hasMethods(tracerProvider, ['getTracer'])) {
    fail('option "tracerProvider" must be a TracerProvider (with getTracer())');
  }
  if (propagator !== undefined && !hasMethods(propagator, ['extract', 'inject', 'fields'])) {
    fail('option "propagator" must be a TextMapPropagator (with extract(), inject() and fields())');
  }
  checkCaptureHeaders(captureHeaders);
  const redact = optionalStringArray(options.redactQueryParams, 'redactQueryParams');

  return {
    tracerProvider,
    propagator,
    ignore: optionalFunction(options, 'ignore'),
    spanName: optionalFunction(options, 'spanName'),
    requestHook: optionalFunction(options, 'requestHook'),
    responseHook: optionalFunction(options, 'responseHook'),
    requestHeaders: headerCapture(
      optionalStringArray(captureHeaders?.request, 'captureHeaders.request'),
      'request',
    ),
    responseHeaders: headerCapture(
      optionalStringArray(captureHeaders?.response, 'captureHeaders.response'),
      'response',
    ),
    redactQueryParams: new Set(redact ?? DEFAULT_REDACTED_QUERY_PARAMS),
    knownMethods: resolveKnownMethods(optionalStringArray(options.knownMethods, 'knownMethods')),
  };
}
