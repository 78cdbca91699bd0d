import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { createTracerProvider } from '../src';

/** The resource attributes a provider stamps on its spans. */
async function resourceOf(options: Parameters<typeof createTracerProvider>[0]) {
  const exporter = new InMemorySpanExporter();
  const provider = createTracerProvider({ ...options, exporter });
  provider.getTracer('test').startSpan('probe').end();
  await provider.forceFlush();
  const [span] = exporter.getFinishedSpans();
  await provider.shutdown();
  return span!.resource.attributes;
}

describe('the resource', () => {
  // the SDK names it after process.argv0: `node` from a shell, a full path in a Jest worker
  it('is unknown_service:<argv0> with the SDK attributes when nothing is set', async () => {
    expect(await resourceOf({ env: {} })).toEqual({
      'service.name': `unknown_service:${process.argv0}`,
      'telemetry.sdk.language': 'nodejs',
      'telemetry.sdk.name': 'opentelemetry',
      'telemetry.sdk.version': expect.stringMatching(/^3\./),
    });
  });

  it('takes OTEL_RESOURCE_ATTRIBUTES, and OTEL_SERVICE_NAME over its service.name', async () => {
    const env = {
      OTEL_SERVICE_NAME: 'checkout',
      OTEL_RESOURCE_ATTRIBUTES: 'service.name=ignored,deployment.environment.name=prod,team=a%20b',
    };
    expect(await resourceOf({ env })).toMatchObject({
      'service.name': 'checkout',
      'deployment.environment.name': 'prod',
      team: 'a b',
    });
  });

  it('lets the options win over the environment: serviceName last', async () => {
    const env = { OTEL_SERVICE_NAME: 'from-env', OTEL_RESOURCE_ATTRIBUTES: 'team=env,region=eu' };
    const attributes = await resourceOf({
      env,
      serviceName: 'from-options',
      resourceAttributes: { team: 'options', 'service.name': 'overridden' },
    });
    expect(attributes).toMatchObject({
      'service.name': 'from-options',
      team: 'options',
      region: 'eu',
    });
  });

  it('reads the env option, not process.env, and leaves process.env as it was', async () => {
    const before = process.env;
    process.env.OTEL_SERVICE_NAME = 'from-process';
    try {
      expect(await resourceOf({ env: { OTEL_SERVICE_NAME: 'from-record' } })).toMatchObject({
        'service.name': 'from-record',
      });
      expect(process.env).toBe(before);
      expect(process.env.OTEL_SERVICE_NAME).toBe('from-process');
    } finally {
      delete process.env.OTEL_SERVICE_NAME;
    }
  });

  it('drops a malformed OTEL_RESOURCE_ATTRIBUTES whole, without failing', async () => {
    const attributes = await resourceOf({
      env: { OTEL_RESOURCE_ATTRIBUTES: 'team=a=b,region=eu' },
    });
    expect(attributes['region']).toBeUndefined();
    expect(attributes['service.name']).toBe(`unknown_service:${process.argv0}`);
  });
});
