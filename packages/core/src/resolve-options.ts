import type { MeterProvider, TextMapPropagator, TracerProvider } from '@opentelemetry/api';
import { headerCapture, type HeaderCapture } from './capture-headers';
import { resolveKnownMethods } from './known-methods';
import {
  checkCaptureHeaders,
  checkFunction,
  checkMeterProvider,
  checkOptionNames,
  checkPropagator,
  checkStringArray,
  checkTraceResponse,
  checkTracerProvider,
} from './option-checks';
import { DEFAULT_REDACTED_QUERY_PARAMS } from './redact';
import type { RequestAttributeConfig } from './request-attributes';
import type { TraceResponseFormat } from './trace-response';
import type { TracingOptions } from './types';

/** Options after validation, in the form the request path reads them. */
export interface ResolvedOptions extends RequestAttributeConfig {
  readonly tracerProvider: TracerProvider | undefined;
  readonly meterProvider: MeterProvider | undefined;
  readonly propagator: TextMapPropagator | undefined;
  readonly ignore: TracingOptions['ignore'];
  readonly spanName: TracingOptions['spanName'];
  readonly requestHook: TracingOptions['requestHook'];
  readonly responseHook: TracingOptions['responseHook'];
  readonly responseHeaders: HeaderCapture;
  readonly knownMethods: ReadonlySet<string>;
  readonly traceResponse: TraceResponseFormat | false;
}

const OPTION_NAMES: ReadonlySet<string> = new Set<keyof TracingOptions>([
  'tracerProvider',
  'meterProvider',
  'propagator',
  'ignore',
  'spanName',
  'requestHook',
  'responseHook',
  'captureHeaders',
  'redactQueryParams',
  'knownMethods',
  'traceResponse',
]);

/**
 * Validates the user's options once, at startup, and resolves the defaults.
 * Throws a `TypeError` naming the first bad option.
 */
export function resolveOptions(options: TracingOptions | undefined): ResolvedOptions {
  if (options === undefined) options = {};
  checkOptionNames(options, OPTION_NAMES);
  checkTracerProvider(options.tracerProvider);
  checkMeterProvider(options.meterProvider);
  checkPropagator(options.propagator);
  const capture = checkCaptureHeaders(options.captureHeaders);
  const redact = checkStringArray(options.redactQueryParams, 'redactQueryParams');

  return {
    tracerProvider: options.tracerProvider,
    meterProvider: options.meterProvider,
    propagator: options.propagator,
    ignore: checkFunction(options.ignore, 'ignore'),
    spanName: checkFunction(options.spanName, 'spanName'),
    requestHook: checkFunction(options.requestHook, 'requestHook'),
    responseHook: checkFunction(options.responseHook, 'responseHook'),
    requestHeaders: headerCapture(capture.request, 'request'),
    responseHeaders: headerCapture(capture.response, 'response'),
    redactQueryParams: new Set(redact ?? DEFAULT_REDACTED_QUERY_PARAMS),
    knownMethods: resolveKnownMethods(checkStringArray(options.knownMethods, 'knownMethods')),
    traceResponse: checkTraceResponse(options.traceResponse),
  };
}
