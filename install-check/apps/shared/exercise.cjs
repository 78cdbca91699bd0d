'use strict';
// Shared by every app of the packed-install check: the two requests each app answers, and the
// line that hands the recorded spans to the runner (run.mjs), which asserts them.

/** GET /api/users/42 continuing the runner's traceparent, then GET /api/boom (throws TypeError). */
async function exercise(baseUrl) {
  const users = await fetch(`${baseUrl}/api/users/42`, {
    headers: { traceparent: process.env.CHECK_TRACEPARENT },
  });
  const usersBody = await users.text();
  const boom = await fetch(`${baseUrl}/api/boom`);
  await boom.text();
  return { users: users.status, usersBody, boom: boom.status };
}

/** The fields the runner asserts, from an SDK ReadableSpan. */
function describeSpan(span) {
  return {
    name: span.name,
    kind: ['INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER'][span.kind],
    traceId: span.spanContext().traceId,
    parentSpanId: (span.parentSpanContext && span.parentSpanContext.spanId) || span.parentSpanId,
    status: ['UNSET', 'OK', 'ERROR'][span.status.code],
    route: span.attributes['http.route'],
    statusCode: span.attributes['http.response.status_code'],
    events: span.events.map((event) => ({
      name: event.name,
      type: event.attributes && event.attributes['exception.type'],
      message: event.attributes && event.attributes['exception.message'],
    })),
  };
}

/**
 * Waits (up to 3 s) for two ended spans in an InMemorySpanExporter, then prints the report.
 * Without an exporter the spans go over OTLP to the runner, and only the responses are printed.
 */
async function report(responses, exporter) {
  const deadline = Date.now() + 3000;
  while (exporter && exporter.getFinishedSpans().length < 2 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const spans = exporter ? exporter.getFinishedSpans().map(describeSpan) : null;
  console.log(`OTELWARE-CHECK ${JSON.stringify({ responses, spans })}`);
}

/** The SDK 3 set-up the READMEs describe, with an in-memory exporter instead of OTLP. */
function memorySdk() {
  const { context, propagation, trace } = require('@opentelemetry/api');
  const { AsyncLocalStorageContextManager } = require('@opentelemetry/context-async-hooks');
  const { W3CTraceContextPropagator } = require('@opentelemetry/core');
  const sdk = require('@opentelemetry/sdk-trace');
  const exporter = new sdk.InMemorySpanExporter();
  const provider = new sdk.TracerProvider({
    spanProcessors: [new sdk.SimpleSpanProcessor({ exporter })],
  });
  trace.setGlobalTracerProvider(provider);
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  return exporter;
}

module.exports = { exercise, report, memorySdk };
