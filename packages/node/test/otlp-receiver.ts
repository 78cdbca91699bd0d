import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import protobuf from 'protobufjs';

/** The part of the OTLP trace schema the tests read (opentelemetry-proto, trace/v1). */
const OTLP_TRACE_PROTO = `
syntax = "proto3";
message ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }
message ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; }
message Resource { repeated KeyValue attributes = 1; }
message ScopeSpans { InstrumentationScope scope = 1; repeated Span spans = 2; }
message InstrumentationScope { string name = 1; string version = 2; }
message Span {
  bytes trace_id = 1; bytes span_id = 2; string trace_state = 3; bytes parent_span_id = 4;
  string name = 5; int32 kind = 6; fixed64 start_time_unix_nano = 7; fixed64 end_time_unix_nano = 8;
  repeated KeyValue attributes = 9; Status status = 15;
}
message Status { string message = 2; int32 code = 3; }
message KeyValue { string key = 1; AnyValue value = 2; }
message AnyValue {
  oneof value {
    string string_value = 1; bool bool_value = 2; int64 int_value = 3; double double_value = 4;
    ArrayValue array_value = 5;
  }
}
message ArrayValue { repeated AnyValue values = 1; }
`;

/** The part of the OTLP metrics schema the tests read (metrics/v1: histograms only), same file. */
const OTLP_METRICS_PROTO = `
message ExportMetricsServiceRequest { repeated ResourceMetrics resource_metrics = 1; }
message ResourceMetrics { Resource resource = 1; repeated ScopeMetrics scope_metrics = 2; }
message ScopeMetrics { InstrumentationScope scope = 1; repeated Metric metrics = 2; }
message Metric { string name = 1; string description = 2; string unit = 3; Histogram histogram = 9; }
message Histogram { repeated HistogramDataPoint data_points = 1; int32 aggregation_temporality = 2; }
message HistogramDataPoint {
  fixed64 start_time_unix_nano = 2; fixed64 time_unix_nano = 3; fixed64 count = 4; double sum = 5;
  repeated fixed64 bucket_counts = 6; repeated double explicit_bounds = 7; repeated KeyValue attributes = 9;
}
`;

// one schema: the metrics messages share Resource, InstrumentationScope and KeyValue
const { root } = protobuf.parse(OTLP_TRACE_PROTO + OTLP_METRICS_PROTO, { keepCase: false });
const ExportRequest = root.lookupType('ExportTraceServiceRequest');
const ExportMetricsRequest = root.lookupType('ExportMetricsServiceRequest');

/** A span as both encodings decode to: ids in hex, attributes as plain values. */
export interface ReceivedSpan {
  service: unknown;
  scope: string;
  name: string;
  kind: number;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  statusCode: number;
  attributes: Record<string, unknown>;
}

/** A histogram data point as both encodings decode to. */
export interface ReceivedHistogramPoint {
  service: unknown;
  scope: string;
  name: string;
  unit: string;
  attributes: Record<string, unknown>;
  count: number;
  explicitBounds: number[];
}

/** One POST the receiver got: spans for `/v1/traces`, histogram points for `/v1/metrics`. */
export interface ReceivedExport {
  path: string;
  contentType: string | undefined;
  spans: ReceivedSpan[];
  histogramPoints: ReceivedHistogramPoint[];
}

type AnyValue = Record<string, unknown> | undefined;
interface KeyValue {
  key: string;
  value?: AnyValue;
}

function plain(value: AnyValue): unknown {
  if (value === undefined) return undefined;
  if ('stringValue' in value) return value.stringValue;
  if ('boolValue' in value) return value.boolValue;
  if ('intValue' in value) return Number(value.intValue);
  if ('doubleValue' in value) return value.doubleValue;
  if ('arrayValue' in value) {
    return ((value.arrayValue as { values?: AnyValue[] }).values ?? []).map(plain);
  }
  return undefined;
}

const attributesOf = (list: KeyValue[] = []) =>
  Object.fromEntries(list.map(({ key, value }) => [key, plain(value)]));

/** Ids are bytes in protobuf (here base64 via toObject) and hex strings in OTLP/JSON. */
const hex = (id: unknown, base64: boolean) =>
  typeof id !== 'string' || id === ''
    ? ''
    : base64
      ? Buffer.from(id, 'base64').toString('hex')
      : id;

/* eslint-disable @typescript-eslint/no-explicit-any -- the decoded OTLP shape */
function spansOf(request: any, base64: boolean): ReceivedSpan[] {
  return (request.resourceSpans ?? []).flatMap((resourceSpans: any) => {
    const service = attributesOf(resourceSpans.resource?.attributes)['service.name'];
    return (resourceSpans.scopeSpans ?? []).flatMap((scopeSpans: any) =>
      (scopeSpans.spans ?? []).map((span: any) => ({
        service,
        scope: scopeSpans.scope?.name ?? '',
        name: span.name,
        kind: span.kind ?? 0,
        traceId: hex(span.traceId, base64),
        spanId: hex(span.spanId, base64),
        parentSpanId: hex(span.parentSpanId, base64),
        statusCode: span.status?.code ?? 0,
        attributes: attributesOf(span.attributes),
      })),
    );
  });
}
function histogramPointsOf(request: any): ReceivedHistogramPoint[] {
  return (request.resourceMetrics ?? []).flatMap((resourceMetrics: any) => {
    const service = attributesOf(resourceMetrics.resource?.attributes)['service.name'];
    return (resourceMetrics.scopeMetrics ?? []).flatMap((scopeMetrics: any) =>
      (scopeMetrics.metrics ?? []).flatMap((metric: any) =>
        (metric.histogram?.dataPoints ?? []).map((point: any) => ({
          service,
          scope: scopeMetrics.scope?.name ?? '',
          name: metric.name,
          unit: metric.unit ?? '',
          attributes: attributesOf(point.attributes),
          count: Number(point.count ?? 0),
          explicitBounds: (point.explicitBounds ?? []).map(Number),
        })),
      ),
    );
  });
}
/* eslint-enable @typescript-eslint/no-explicit-any */

function decode(
  path: string,
  body: Buffer,
  contentType: string | undefined,
): Pick<ReceivedExport, 'spans' | 'histogramPoints'> {
  const json = contentType === 'application/json';
  if (path === '/v1/metrics') {
    const request = json
      ? JSON.parse(body.toString('utf8'))
      : ExportMetricsRequest.toObject(ExportMetricsRequest.decode(body), { longs: String });
    return { spans: [], histogramPoints: histogramPointsOf(request) };
  }
  if (json)
    return { spans: spansOf(JSON.parse(body.toString('utf8')), false), histogramPoints: [] };
  const message = ExportRequest.decode(body);
  return {
    spans: spansOf(ExportRequest.toObject(message, { bytes: String, longs: String }), true),
    histogramPoints: [],
  };
}

/** A local OTLP/HTTP receiver: answers 200 and keeps every export, decoded. */
export interface OtlpReceiver {
  readonly url: string;
  readonly exports: ReceivedExport[];
  close(): Promise<void>;
}

export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const exports: ReceivedExport[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const contentType = req.headers['content-type'];
      const path = req.url ?? '';
      exports.push({ path, contentType, ...decode(path, Buffer.concat(chunks), contentType) });
      // an empty ExportTraceServiceResponse, in the request's encoding
      const json = contentType === 'application/json';
      res
        .writeHead(200, { 'content-type': contentType ?? 'application/json' })
        .end(json ? '{}' : '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    exports,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
