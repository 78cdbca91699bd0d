import { OTLPTraceExporter as OtlpJsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OtlpProtobufExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { createExporters } from '../src/create-exporters';
import { exportersFromEnv } from '../src/exporters-from-env';
import { WaterfallSpanExporter } from '../src/waterfall/waterfall-span-exporter';
import { useDiagSpy } from './diag-spy';

const diagSpy = useDiagSpy();
const endpoint = 'http://collector:4318';

describe('the exporters the environment chooses', () => {
  it.each([
    [{}, ['waterfall']],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint }, ['otlp-http/protobuf']],
    [{ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${endpoint}/v1/traces` }, ['otlp-http/protobuf']],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: '  ' }, ['waterfall']],
    [{ OTEL_TRACES_EXPORTER: 'otlp' }, ['otlp-http/protobuf']],
    [{ OTEL_TRACES_EXPORTER: 'console' }, ['waterfall']],
    [{ OTEL_TRACES_EXPORTER: 'console', OTEL_EXPORTER_OTLP_ENDPOINT: endpoint }, ['waterfall']],
    [{ OTEL_TRACES_EXPORTER: 'none' }, []],
    [{ OTEL_TRACES_EXPORTER: 'NONE', OTEL_EXPORTER_OTLP_ENDPOINT: endpoint }, []],
    [{ OTEL_TRACES_EXPORTER: 'otlp, console' }, ['otlp-http/protobuf', 'waterfall']],
    [{ OTEL_TRACES_EXPORTER: 'otlp,otlp' }, ['otlp-http/protobuf']],
    [
      { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' },
      ['otlp-http/json'],
    ],
    [
      { OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf' },
      ['otlp-http/protobuf'],
    ],
    [
      {
        OTEL_TRACES_EXPORTER: 'otlp',
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
        OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json',
      },
      ['otlp-http/json'],
    ],
  ])('maps %j to %j without a warning', (env, expected) => {
    expect(exportersFromEnv(env)).toEqual(expected);
    expect(diagSpy.warnings).toEqual([]);
  });

  it('sends http/protobuf, with a warning, when asked for gRPC', () => {
    expect(
      exportersFromEnv({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' }),
    ).toEqual(['otlp-http/protobuf']);
    expect(diagSpy.warnings).toEqual([
      '@otelware/node: OTLP over gRPC is not included; sending http/protobuf instead ' +
        '(point the endpoint at the HTTP port, usually 4318)',
    ]);
  });

  it('warns about an unknown protocol and sends http/protobuf', () => {
    expect(
      exportersFromEnv({
        OTEL_TRACES_EXPORTER: 'otlp',
        OTEL_EXPORTER_OTLP_PROTOCOL: 'carrier-pigeon',
      }),
    ).toEqual(['otlp-http/protobuf']);
    expect(diagSpy.warnings).toEqual([
      '@otelware/node: OTLP protocol "carrier-pigeon" is not supported; using http/protobuf',
    ]);
  });

  it('skips an exporter it does not have, with a warning', () => {
    expect(exportersFromEnv({ OTEL_TRACES_EXPORTER: 'zipkin,console' })).toEqual(['waterfall']);
    expect(diagSpy.warnings).toEqual([
      '@otelware/node: OTEL_TRACES_EXPORTER "zipkin" is not supported; skipped',
    ]);
  });

  it('falls back to the default when it has none of the exporters asked for', () => {
    expect(exportersFromEnv({ OTEL_TRACES_EXPORTER: 'jaeger' })).toEqual(['waterfall']);
    expect(
      exportersFromEnv({ OTEL_TRACES_EXPORTER: 'jaeger', OTEL_EXPORTER_OTLP_ENDPOINT: endpoint }),
    ).toEqual(['otlp-http/protobuf']);
  });

  it('exports nothing, with a warning, when "none" is listed with others', () => {
    expect(exportersFromEnv({ OTEL_TRACES_EXPORTER: 'otlp,none' })).toEqual([]);
    expect(diagSpy.warnings).toEqual([
      '@otelware/node: OTEL_TRACES_EXPORTER has "none"; exporting nothing',
    ]);
  });
});

describe('the exporters created', () => {
  it('are the official OTLP exporters for http/protobuf and http/json', () => {
    const [protobuf] = createExporters({}, { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint });
    const [json] = createExporters(
      {},
      { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' },
    );
    expect(protobuf).toBeInstanceOf(OtlpProtobufExporter);
    expect(json).toBeInstanceOf(OtlpJsonExporter);
  });

  it('is the waterfall by default, and none for "none"', () => {
    const exporters = createExporters({}, {});
    expect(exporters).toHaveLength(1);
    expect(exporters[0]).toBeInstanceOf(WaterfallSpanExporter);
    expect(createExporters({}, { OTEL_TRACES_EXPORTER: 'none' })).toEqual([]);
  });

  it('is the exporter option alone when one is given, whatever the environment says', () => {
    const exporter = new InMemorySpanExporter();
    expect(createExporters({ exporter }, { OTEL_TRACES_EXPORTER: 'otlp,console' })).toEqual([
      exporter,
    ]);
  });
});
