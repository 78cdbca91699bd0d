import {
  context,
  propagation,
  SpanKind,
  trace,
  type Context,
  type Span,
  type TextMapGetter,
  type Tracer,
} from '@opentelemetry/api';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { ROUTE_TEMPLATE } from '../variants';

/**
 * The `floor` variants: the least a middleware that records otelware's span can
 * cost through this SDK. It extracts the incoming context, starts one SERVER span
 * with otelware's start attributes as constants (nothing parsed), makes it active,
 * and ends it when the response closes with the route and status. No route
 * lookup, no redaction, no error handling, no request-stream binding: right for
 * this one route of this one app only. The gap between `otelware` and `floor` is
 * what otelware's own work costs; `floor` against `bare` is what the SDK and
 * AsyncLocalStorage cost any tracer.
 */
const headerGetter: TextMapGetter<IncomingHttpHeaders> = {
  keys: (headers) => Object.keys(headers),
  get: (headers, key) => headers[key],
};

const START_ATTRIBUTES = {
  'http.request.method': 'GET',
  'url.path': '/api/users/42',
  'url.scheme': 'http',
  'server.address': '127.0.0.1',
  'server.port': 80,
  'client.address': '127.0.0.1',
  'user_agent.original': 'autocannon',
};

const SPAN_NAME = `GET ${ROUTE_TEMPLATE}`;

let tracer: Tracer | undefined;

function endSpan(span: Span, response: ServerResponse): void {
  span.setAttribute('http.route', ROUTE_TEMPLATE);
  span.setAttribute('http.response.status_code', response.statusCode);
  span.setAttribute('network.protocol.version', '1.1');
  span.end();
}

/** Starts the request's span; run the rest of the request in the returned context. */
export function startFloorSpan(request: IncomingMessage, response: ServerResponse): Context {
  const parent = propagation.extract(context.active(), request.headers, headerGetter);
  // the tracer once, as otelware keeps its own (the SDK's getTracer builds a key and looks it up)
  tracer ??= trace.getTracer('bench-floor');
  const span = tracer.startSpan(
    SPAN_NAME,
    { kind: SpanKind.SERVER, attributes: START_ATTRIBUTES },
    parent,
  );
  // a closure holds the span: no property added to the framework's response object
  if (span.isRecording()) response.on('close', () => endSpan(span, response));
  return trace.setSpan(parent, span);
}
