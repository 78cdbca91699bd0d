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
export { checkProperty, checkSyncProperty, propertySeed } from './property-check';
export { rawExchange, withoutDate, statusOf, bodyOf, utf8Bytes } from './raw-http';
export { postInLaterPacket } from './post-in-later-packet';
export {
  listenOnLoopback,
  LENIENT_SERVER,
  type NeutralRoutes,
  type RunningServer,
  type ServerSubject,
} from './server-subject';
export { hostileTraceHeadersSuite, type HostileHeaderRuns } from './hostile-trace-headers-suite';
export { hostileUrlsSuite } from './hostile-urls-suite';
export { waitFor } from './wait-for';
export { sensitiveDataSuite } from './sensitive-data-suite';
export { concurrencySuite } from './concurrency-suite';
export { abortSuite } from './abort-suite';
export { memorySuite, type MemoryBudget } from './memory-suite';
export { settledHeapUsed } from './heap-growth';
export { RELIABILITY_BUDGET, MEMORY_BUDGET, type ReliabilityBudget } from './reliability-budget';
export { pipelinedLoad } from './pipelined-load';
export { neverBreaksSuite } from './never-breaks-suite';
export {
  THROWN_VALUES,
  thrownValuesSuite,
  useDiagMessages,
  type ThrownValue,
} from './thrown-values';
export { traceparentOf } from './traceparent-of';
export { getOnOwnConnection } from './get-on-own-connection';
export { failingBody } from './failing-body';
export { spanOutcome } from './span-outcome';
