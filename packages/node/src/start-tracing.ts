import {
  context,
  diag,
  metrics,
  propagation,
  trace,
  type TextMapPropagator,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { CompositePropagator, W3CBaggagePropagator } from '@opentelemetry/core';
import type { TracerProvider } from '@opentelemetry/sdk-trace';
import { TraceContextPropagator } from '@otelware/core';
import { buildMeterProvider } from './build-meter-provider';
import { checkOptions } from './check-options';
import { buildProvider } from './create-tracer-provider';
import { reportFailure } from './report-failure';
import { isSdkDisabled, setDiagLoggerFromEnv } from './sdk-settings-from-env';
import { tracingHandle } from './tracing-handle';
import type { NodeTracing, NodeTracingOptions } from './types';

/**
 * The first `start()`'s handle and options, on `globalThis` so that the ESM and the
 * CommonJS build (e.g. `--import @otelware/node/start` plus an app's `require`) share it.
 */
const STARTED = Symbol.for('otelware.node.started');

interface Started {
  readonly handle: NodeTracing;
  readonly options: NodeTracingOptions;
}

const disabledTracing: NodeTracing = {
  tracerProvider: trace.getTracerProvider(),
  forceFlush: async () => undefined,
  shutdown: async () => undefined,
};

/**
 * The propagator `start()` registers unless given one: otelware's spec-exact W3C
 * Trace Context (which also keeps Level 2's random-trace-id flag), then W3C Baggage.
 */
function defaultPropagator(): TextMapPropagator {
  return new CompositePropagator({
    propagators: [new TraceContextPropagator(), new W3CBaggagePropagator()],
  });
}

/**
 * Makes `provider` the API's tracer provider, with the AsyncLocalStorage context manager
 * (a span started after an `await` or in a callback finds its parent) and `propagator`.
 */
function registerGlobally(provider: TracerProvider, propagator: TextMapPropagator): void {
  trace.setGlobalTracerProvider(provider);
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(propagator);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (
    Object.getPrototypeOf(a) !== Object.prototype ||
    Object.getPrototypeOf(b) !== Object.prototype
  ) {
    return false;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => Object.is((a as never)[key], (b as never)[key]));
}

/**
 * Whether a second `start()` asked for the same set-up: each option the same value,
 * or, for plain objects (`env`, `resourceAttributes`), the same entries.
 */
function sameOptions(a: NodeTracingOptions, b: NodeTracingOptions): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof NodeTracingOptions>;
  return [...keys].every((key) => sameValue(a[key], b[key]));
}

/** Builds everything first, so that a set-up that fails registers nothing. */
function startOnce(options: NodeTracingOptions): NodeTracing {
  const env = options.env ?? process.env;
  setDiagLoggerFromEnv(env);
  if (isSdkDisabled(env)) return disabledTracing;
  const { provider, exporters, resource } = buildProvider(options, env);
  const meterProvider = buildMeterProvider(options, env, resource);
  const propagator = options.propagator ?? defaultPropagator();
  registerGlobally(provider, propagator);
  if (meterProvider !== undefined) metrics.setGlobalMeterProvider(meterProvider);
  return tracingHandle(provider, exporters, meterProvider);
}

/**
 * Sets up OpenTelemetry for this process from the standard `OTEL_*` variables and
 * the options: the SDK's `TracerProvider` with the service's resource, the sampler and
 * span limits, a batch processor to the chosen exporter (OTLP over HTTP, or the terminal
 * waterfall), the AsyncLocalStorage context manager and the W3C propagators (otelware's
 * spec-exact Trace Context, and Baggage), all registered globally through
 * `@opentelemetry/api`; a meter provider for the HTTP duration histograms when metrics
 * have somewhere to go (`OTEL_METRICS_EXPORTER`, an OTLP endpoint, or `metricReaders`);
 * spans and metrics are flushed on SIGTERM, SIGINT and beforeExit. A second call returns
 * the first handle. Bad settings warn through `diag` and fall back.
 *
 * @example
 * import { start } from '@otelware/node';
 * start({ serviceName: 'checkout' });
 */
export function start(options: NodeTracingOptions = {}): NodeTracing {
  checkOptions(options);
  const slot = globalThis as { [STARTED]?: Started };
  const started = slot[STARTED];
  if (started !== undefined) {
    if (!sameOptions(started.options, options)) {
      diag.warn('@otelware/node: start() was already called; these options are ignored');
    }
    return started.handle;
  }
  let handle = disabledTracing;
  try {
    handle = startOnce(options);
  } catch (error) {
    // telemetry must never stop the app: run untraced and say why
    reportFailure('start() failed; the app runs without tracing', error);
  }
  slot[STARTED] = { handle, options };
  return handle;
}
