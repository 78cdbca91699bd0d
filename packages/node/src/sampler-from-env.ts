import { diag } from '@opentelemetry/api';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
  type Sampler,
} from '@opentelemetry/sdk-trace';
import { envValue } from './sdk-settings-from-env';
import type { Env } from './types';

const DEFAULT_SAMPLER = 'parentbased_always_on';

/** `OTEL_TRACES_SAMPLER_ARG` as a ratio in [0, 1]; 1 when unset, 1 with a warning when invalid. */
function ratioFromEnv(env: Env): number {
  const raw = envValue(env, 'OTEL_TRACES_SAMPLER_ARG');
  if (raw === undefined) return 1;
  const ratio = Number(raw);
  if (Number.isFinite(ratio) && ratio >= 0 && ratio <= 1) return ratio;
  diag.warn(`@otelware/node: OTEL_TRACES_SAMPLER_ARG="${raw}" is not a ratio in [0, 1]; using 1`);
  return 1;
}

function samplerNamed(name: string, env: Env): Sampler | undefined {
  switch (name) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return new TraceIdRatioBasedSampler(ratioFromEnv(env));
    case 'parentbased_always_on':
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(ratioFromEnv(env)) });
    default:
      return undefined;
  }
}

/**
 * The sampler `OTEL_TRACES_SAMPLER` (case-insensitive) names, with `OTEL_TRACES_SAMPLER_ARG`
 * for the ratio ones. Unset: `parentbased_always_on`. A value this package does not
 * know (including `jaeger_remote` and `xray`) warns and falls back to the default.
 */
export function samplerFromEnv(env: Env): Sampler {
  const name = envValue(env, 'OTEL_TRACES_SAMPLER')?.toLowerCase() ?? DEFAULT_SAMPLER;
  const sampler = samplerNamed(name, env);
  if (sampler !== undefined) return sampler;
  diag.warn(
    `@otelware/node: OTEL_TRACES_SAMPLER="${name}" is not supported; using ${DEFAULT_SAMPLER}`,
  );
  return new ParentBasedSampler({ root: new AlwaysOnSampler() });
}
