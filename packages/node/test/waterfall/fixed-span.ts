import type { Attributes, HrTime, SpanStatus } from '@opentelemetry/api';
import { SpanKind, SpanStatusCode, TraceFlags } from '@opentelemetry/api';
import type { Resource } from '@opentelemetry/resources';
import { resourceFromAttributes } from '@opentelemetry/resources';
import type { ReadableSpan, TimedEvent } from '@opentelemetry/sdk-trace';

export const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
export const OTHER_TRACE_ID = '0af7651916cd43dd8448eb211c80319c';

/** 2026-11-30T12:00:00Z: a fixed epoch, so times in the output never depend on the clock. */
const EPOCH_SECONDS = 1_796_040_000;

export function atMillis(millis: number): HrTime {
  const [seconds, nanos] = millisToHrTime(millis);
  return [EPOCH_SECONDS + seconds, nanos];
}

function millisToHrTime(millis: number): HrTime {
  const nanos = Math.round(millis * 1e6);
  return [Math.floor(nanos / 1e9), nanos % 1e9];
}

const resources = new Map<string, Resource>();

function resourceOf(service: string): Resource {
  const existing = resources.get(service);
  if (existing) return existing;
  const resource = resourceFromAttributes({ 'service.name': service });
  resources.set(service, resource);
  return resource;
}

export interface FixedSpanFields {
  traceId?: string;
  spanId: string;
  parentSpanId?: string;
  parentIsRemote?: boolean;
  name: string;
  kind?: SpanKind;
  service: string;
  startMs: number;
  durationMs: number;
  status?: SpanStatus;
  attributes?: Attributes;
  events?: { name: string; atMs: number; attributes?: Attributes }[];
}

/** A finished span as an SDK would hand it to an exporter, with every value fixed. */
export function fixedSpan(fields: FixedSpanFields): ReadableSpan {
  const traceId = fields.traceId ?? TRACE_ID;
  const startTime = atMillis(fields.startMs);
  const endTime = atMillis(fields.startMs + fields.durationMs);
  const events: TimedEvent[] = (fields.events ?? []).map((event) => ({
    name: event.name,
    time: atMillis(event.atMs),
    attributes: event.attributes ?? {},
  }));
  return {
    name: fields.name,
    kind: fields.kind ?? SpanKind.INTERNAL,
    spanContext: () => ({ traceId, spanId: fields.spanId, traceFlags: TraceFlags.SAMPLED }),
    parentSpanContext:
      fields.parentSpanId === undefined
        ? undefined
        : {
            traceId,
            spanId: fields.parentSpanId,
            traceFlags: TraceFlags.SAMPLED,
            isRemote: fields.parentIsRemote ?? false,
          },
    startTime,
    endTime,
    duration: atMillis(fields.durationMs).map(
      (v, i) => v - (i === 0 ? EPOCH_SECONDS : 0),
    ) as HrTime,
    status: fields.status ?? { code: SpanStatusCode.UNSET },
    attributes: fields.attributes ?? {},
    links: [],
    events,
    ended: true,
    resource: resourceOf(fields.service),
    instrumentationScope: { name: 'fixed-span' },
    droppedAttributesCount: 0,
    droppedEventsCount: 0,
    droppedLinksCount: 0,
  };
}

/** An exporter's `write` that keeps what it was given. */
export function collectWrites(): { write: (text: string) => void; output: () => string } {
  const chunks: string[] = [];
  return {
    write: (text) => {
      chunks.push(text);
    },
    output: () => chunks.join(''),
  };
}

/**
 * One request through two services in one process, in the order their spans end (and so
 * arrive): checkout's server span calls the database and then payments, which fails.
 */
export function checkoutTrace(): ReadableSpan[] {
  return [
    fixedSpan({
      spanId: '00000000000000c1',
      parentSpanId: '00000000000000a1',
      name: 'SELECT orders',
      kind: SpanKind.CLIENT,
      service: 'checkout',
      startMs: 1,
      durationMs: 3.25,
      attributes: { 'server.address': 'db.internal', 'server.port': 5432 },
    }),
    fixedSpan({
      spanId: '00000000000000b1',
      parentSpanId: '00000000000000c2',
      parentIsRemote: true,
      name: 'POST /charge',
      kind: SpanKind.SERVER,
      service: 'payments',
      startMs: 8,
      durationMs: 10,
      status: { code: SpanStatusCode.ERROR, message: 'card declined' },
      attributes: {
        'http.route': '/charge',
        'http.response.status_code': 500,
        'error.type': 'CardError',
      },
      events: [
        {
          name: 'exception',
          atMs: 17,
          attributes: { 'exception.type': 'CardError', 'exception.message': 'card declined' },
        },
      ],
    }),
    fixedSpan({
      spanId: '00000000000000c2',
      parentSpanId: '00000000000000a1',
      name: 'POST',
      kind: SpanKind.CLIENT,
      service: 'checkout',
      startMs: 7,
      durationMs: 12,
      status: { code: SpanStatusCode.ERROR },
      attributes: {
        'server.address': 'payments',
        'server.port': 8443,
        'http.response.status_code': 500,
        'error.type': '500',
      },
    }),
    fixedSpan({
      spanId: '00000000000000a1',
      name: 'GET /orders/:id',
      kind: SpanKind.SERVER,
      service: 'checkout',
      startMs: 0,
      durationMs: 25,
      attributes: { 'http.route': '/orders/:id', 'http.response.status_code': 502 },
    }),
  ];
}

/** checkoutTrace() drawn in plain text at width 100: the layout the tests pin. */
export const PLAIN_CHECKOUT = [
  'trace 4bf92f3577b34da6a3ce929d0e0e4736 · 4 spans · 25.0ms · services checkout, payments',
  'checkout GET /orders/:id SERVER                    25.0ms [████████████████████████████████████████]',
  '│  HTTP 502 · route /orders/:id',
  '├─ checkout SELECT orders CLIENT                    3.3ms [ ██████                                 ]',
  '│     → db.internal:5432',
  '└─ checkout ✗ POST CLIENT                          12.0ms [           ████████████████████         ]',
  '   │  ERROR · HTTP 500 · error.type 500 · → payments:8443',
  '   └─ payments ✗ POST /charge SERVER               10.0ms [            █████████████████           ]',
  '         ERROR: card declined · HTTP 500 · route /charge · error.type CardError',
  '         • +9.0ms exception CardError: card declined',
  '',
].join('\n');
