import { samplerFromEnv } from '../src/sampler-from-env';
import { useDiagSpy } from './diag-spy';

const diagSpy = useDiagSpy();
const parentBased = (root: string) =>
  `ParentBased{root=${root}, remoteParentSampled=AlwaysOnSampler, ` +
  'remoteParentNotSampled=AlwaysOffSampler, localParentSampled=AlwaysOnSampler, ' +
  'localParentNotSampled=AlwaysOffSampler}';

describe('the sampler from OTEL_TRACES_SAMPLER', () => {
  it.each([
    [{}, parentBased('AlwaysOnSampler')],
    [{ OTEL_TRACES_SAMPLER: '' }, parentBased('AlwaysOnSampler')],
    [{ OTEL_TRACES_SAMPLER: 'always_on' }, 'AlwaysOnSampler'],
    [{ OTEL_TRACES_SAMPLER: 'always_off' }, 'AlwaysOffSampler'],
    [
      { OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.25' },
      'TraceIdRatioBased{0.25}',
    ],
    [{ OTEL_TRACES_SAMPLER: 'traceidratio' }, 'TraceIdRatioBased{1}'],
    [{ OTEL_TRACES_SAMPLER: 'parentbased_always_on' }, parentBased('AlwaysOnSampler')],
    [{ OTEL_TRACES_SAMPLER: 'parentbased_always_off' }, parentBased('AlwaysOffSampler')],
    [
      { OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '0' },
      parentBased('TraceIdRatioBased{0}'),
    ],
    [{ OTEL_TRACES_SAMPLER: ' ParentBased_Always_Off ' }, parentBased('AlwaysOffSampler')],
    [{ OTEL_TRACES_SAMPLER: 'always_on', OTEL_TRACES_SAMPLER_ARG: 'ignored' }, 'AlwaysOnSampler'],
  ])('maps %j to %s without a warning', (env, expected) => {
    expect(samplerFromEnv(env).toString()).toBe(expected);
    expect(diagSpy.warnings).toEqual([]);
  });

  it.each(['jaeger_remote', 'xray', 'sometimes'])(
    'warns about "%s" and falls back to parentbased_always_on',
    (name) => {
      expect(samplerFromEnv({ OTEL_TRACES_SAMPLER: name }).toString()).toBe(
        parentBased('AlwaysOnSampler'),
      );
      expect(diagSpy.warnings).toEqual([
        `@otelware/node: OTEL_TRACES_SAMPLER="${name}" is not supported; using parentbased_always_on`,
      ]);
    },
  );

  it.each(['1.5', '-0.1', 'half', 'NaN'])(
    'warns about the ratio "%s" and samples everything',
    (arg) => {
      const env = { OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: arg };
      expect(samplerFromEnv(env).toString()).toBe('TraceIdRatioBased{1}');
      expect(diagSpy.warnings).toEqual([
        `@otelware/node: OTEL_TRACES_SAMPLER_ARG="${arg}" is not a ratio in [0, 1]; using 1`,
      ]);
    },
  );
});
