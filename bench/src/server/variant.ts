/** Which app and which tracing set-up a server child runs, from its environment. */
export interface ServerVariant {
  readonly framework: 'express' | 'koa' | 'fastify';
  /** A variant name of `../variants.ts`. */
  readonly name: string;
  /** An SDK registered by `main` (the official variants register theirs in the preload). */
  readonly registersSdk: boolean;
  readonly sampled: boolean;
  /** otelware's middleware or plugin mounted first. */
  readonly otelware: boolean;
}

const FRAMEWORKS = ['express', 'koa', 'fastify'] as const;

export function serverVariantFromEnv(env: NodeJS.ProcessEnv = process.env): ServerVariant {
  const framework = FRAMEWORKS.find((name) => name === env.BENCH_FRAMEWORK);
  const name = env.BENCH_VARIANT ?? '';
  if (framework === undefined) throw new Error(`unknown BENCH_FRAMEWORK ${env.BENCH_FRAMEWORK}`);
  return {
    framework,
    name,
    registersSdk: name === 'sdk-only' || name === 'otelware' || name === 'otelware-unsampled',
    sampled: !name.endsWith('-unsampled'),
    otelware: name.startsWith('otelware'),
  };
}
