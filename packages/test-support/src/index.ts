export {
  useTestTracing,
  createTestProvider,
  countSpanEnds,
  waitFor,
  type TestTracing,
  type TestProvider,
} from './test-tracing';
export { spanTree, spanOutcome, traceparentOf, exceptionEvents } from './span-summaries';
export { incomingContextSuite, type ServeJson } from './incoming-context-suite';
export { attributesSuite, type AttributesSubject } from './attributes-suite';
export { createTestMeter, type TestMeter, type HistogramPoint } from './test-meter';
export { durationMetricsSuite, type DurationSubject } from './duration-metrics-suite';
export { checkProperty, checkSyncProperty, propertySeed } from './property-check';
export { rawExchange, withoutDate, statusOf, bodyOf, utf8Bytes } from './raw-http';
export { getOnOwnConnection, postInLaterPacket, pipelinedLoad } from './http-clients';
export {
  listenOnLoopback,
  failingBody,
  LENIENT_SERVER,
  type NeutralRoutes,
  type RunningServer,
  type ServerSubject,
} from './server-subject';
export { hostileTraceHeadersSuite, type HostileHeaderRuns } from './hostile-trace-headers-suite';
export { hostileUrlsSuite } from './hostile-urls-suite';
export { sensitiveDataSuite } from './sensitive-data-suite';
export { concurrencySuite } from './concurrency-suite';
export { abortSuite } from './abort-suite';
export { memorySuite, settledHeapUsed, type MemoryBudget } from './memory-suite';
export { RELIABILITY_BUDGET, MEMORY_BUDGET, type ReliabilityBudget } from './reliability-budget';
export {
  neverBreaksSuite,
  brokenHook,
  throwingTracerProvider,
  providerThrowingIn,
} from './never-breaks-suite';
export {
  THROWN_VALUES,
  thrownValuesSuite,
  useDiagMessages,
  type ThrownValue,
} from './thrown-values';
export { optionsSuite, type OptionsSubject } from './options-suite';
export { traceResponseSuite, type TraceResponseSubject } from './trace-response-suite';
export { throwingHooksSuite, type ThrowingHooksSubject } from './throwing-hooks-suite';
export { packagingSuite, type PackageManifest } from './packaging-suite';
