import type { NodeTracingOptions } from './types';

function fail(option: string, expected: string): never {
  throw new TypeError(`@otelware/node: the ${option} option must be ${expected}`);
}

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;
const hasMethod = (value: unknown, name: string) =>
  isObject(value) && typeof (value as Record<string, unknown>)[name] === 'function';

/** Throws a `TypeError` at start-up for an option of the wrong type (a bug, not a setting). */
export function checkOptions(options: NodeTracingOptions): void {
  if (!isObject(options)) fail('options', 'an object');
  const {
    serviceName,
    resourceAttributes,
    sampler,
    exporter,
    spanProcessors,
    metricReaders,
    propagator,
    env,
  } = options;
  if (serviceName !== undefined && (typeof serviceName !== 'string' || serviceName === '')) {
    fail('serviceName', 'a non-empty string');
  }
  if (resourceAttributes !== undefined && !isObject(resourceAttributes))
    fail('resourceAttributes', 'an object');
  if (sampler !== undefined && !hasMethod(sampler, 'shouldSample')) fail('sampler', 'a Sampler');
  if (exporter !== undefined && !hasMethod(exporter, 'export')) fail('exporter', 'a SpanExporter');
  if (
    spanProcessors !== undefined &&
    (!Array.isArray(spanProcessors) || !spanProcessors.every((p) => hasMethod(p, 'onEnd')))
  ) {
    fail('spanProcessors', 'an array of SpanProcessors');
  }
  if (
    metricReaders !== undefined &&
    (!Array.isArray(metricReaders) || !metricReaders.every((r) => hasMethod(r, 'collect')))
  ) {
    fail('metricReaders', 'an array of MetricReaders');
  }
  if (propagator !== undefined && !hasMethod(propagator, 'inject'))
    fail('propagator', 'a TextMapPropagator');
  if (env !== undefined && !isObject(env)) fail('env', 'an object of strings');
}
