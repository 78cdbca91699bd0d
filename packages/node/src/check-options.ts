import {
  hasMethods,
  isObject,
  propagatorRule,
  resolveOptionsWith,
  rule,
  type OptionRules,
} from '@otelware/core/adapter';
import type { NodeTracingOptions } from './types';

const NODE_OPTION_RULES = {
  serviceName: rule((value) => typeof value === 'string' && value !== '', 'a non-empty string'),
  resourceAttributes: rule(isObject, 'an object'),
  sampler: rule(hasMethods('shouldSample'), 'a Sampler'),
  exporter: rule(hasMethods('export'), 'a SpanExporter'),
  spanProcessors: rule(
    (value) => Array.isArray(value) && value.every(hasMethods('onEnd')),
    'an array of SpanProcessors',
  ),
  metricReaders: rule(
    (value) => Array.isArray(value) && value.every(hasMethods('collect')),
    'an array of MetricReaders',
  ),
  propagator: propagatorRule(),
  env: rule(isObject, 'an object of strings'),
} satisfies OptionRules<NodeTracingOptions>;

/**
 * Throws a `TypeError` at start-up for an unknown option or one of the wrong type
 * (a bug, not a setting). The defaults come from the environment, where each
 * option is read.
 */
export function checkOptions(options: NodeTracingOptions): void {
  resolveOptionsWith(NODE_OPTION_RULES, options);
}
