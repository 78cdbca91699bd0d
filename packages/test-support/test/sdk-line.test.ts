import { trace } from '@opentelemetry/api';
import { sdkLine } from '../../../platforms/sdk-line.cjs';
import { useTestTracing } from '../src';

const otel = useTestTracing();
const line = sdkLine();

/** The API copy that registered the globals writes its version there. */
function registeredApiVersion(): string | undefined {
  const globals = globalThis as Record<symbol, { version?: string } | undefined>;
  return globals[Symbol.for('opentelemetry.js.api.1')]?.version;
}

describe(`this run's OpenTelemetry SDK line (${line})`, () => {
  it('records spans with the SDK of that line', async () => {
    trace.getTracer('sdk-line').startSpan('probe').end();
    const [span] = await otel.spans(1);
    const sdkVersion = String(span?.resource.attributes['telemetry.sdk.version']);
    expect(sdkVersion.split('.')[0]).toBe(String(line));
  });

  it('runs every module on the API version that line supports', () => {
    expect(registeredApiVersion()).toMatch(line === 3 ? /^1\.10\./ : /^1\.9\./);
  });
});
