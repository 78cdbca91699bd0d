import type { TraceResponseFormat } from './trace-context/trace-response';
import type { CaptureHeaders } from './types';

/**
 * The checks every otelware factory runs on its options, once at startup. Each
 * throws a `TypeError` naming the bad option, so a mistake fails at boot, never
 * during a request.
 */
export function optionError(message: string): never {
  throw new TypeError(`@otelware: ${message}`);
}

function hasMethods(value: unknown, methods: readonly string[]): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    methods.every((method) => typeof (value as Record<string, unknown>)[method] === 'function')
  );
}

/** Throws unless `options` is an object whose keys are all in `names`. */
export function checkOptionNames(options: unknown, names: ReadonlySet<string>): void {
  if (typeof options !== 'object' || options === null) optionError('options must be an object');
  for (const name of Object.keys(options)) {
    if (!names.has(name)) optionError(`unknown option "${name}"`);
  }
}

/** `value` when it is a function or `undefined`. */
export function checkFunction<T>(value: T, name: string): T {
  if (value !== undefined && typeof value !== 'function') {
    optionError(`option "${name}" must be a function`);
  }
  return value;
}

/** `value` when it is an array of strings or `undefined`. */
export function checkStringArray(value: unknown, name: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    optionError(`option "${name}" must be an array of strings`);
  }
  return value;
}

/** Throws unless `value` is `undefined` or has a `getTracer()`. */
export function checkTracerProvider(value: unknown): void {
  if (value !== undefined && !hasMethods(value, ['getTracer'])) {
    optionError('option "tracerProvider" must be a TracerProvider (with getTracer())');
  }
}

/** Throws unless `value` is `undefined` or has a `getMeter()`. */
export function checkMeterProvider(value: unknown): void {
  if (value !== undefined && !hasMethods(value, ['getMeter'])) {
    optionError('option "meterProvider" must be a MeterProvider (with getMeter())');
  }
}

/** Throws unless `value` is `undefined` or a `TextMapPropagator`. */
export function checkPropagator(value: unknown): void {
  if (value !== undefined && !hasMethods(value, ['extract', 'inject', 'fields'])) {
    optionError(
      'option "propagator" must be a TextMapPropagator (with extract(), inject() and fields())',
    );
  }
}

/** Checks `{ request?: string[], response?: string[] }`; returns the two lists. */
export function checkCaptureHeaders(value: unknown): CaptureHeaders {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    optionError(
      'option "captureHeaders" must be an object { request?: string[], response?: string[] }',
    );
  }
  for (const key of Object.keys(value)) {
    if (key !== 'request' && key !== 'response')
      optionError(`unknown option "captureHeaders.${key}"`);
  }
  const { request, response } = value as CaptureHeaders;
  return {
    request: checkStringArray(request, 'captureHeaders.request'),
    response: checkStringArray(response, 'captureHeaders.response'),
  };
}

/** `false` (the default), `'traceresponse'` or `'server-timing'`. */
export function checkTraceResponse(value: unknown): TraceResponseFormat | false {
  if (value === undefined || value === false) return false;
  if (value !== 'traceresponse' && value !== 'server-timing') {
    optionError(`option "traceResponse" must be false, 'traceresponse' or 'server-timing'`);
  }
  return value;
}
