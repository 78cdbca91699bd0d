export {
  useTestTracing,
  createTestProvider,
  type TestTracing,
  type TestProvider,
} from './test-tracing';
export { spanTree } from './span-tree';
export { countSpanEnds } from './count-span-ends';
export { incomingContextSuite, type ServeJson } from './incoming-context-suite';
export { attributesSuite, type AttributesSubject } from './attributes-suite';
export { createTestMeter, type TestMeter, type HistogramPoint } from './test-meter';
export { durationMetricsSuite, type DurationSubject } from './duration-metrics-suite';
