/** Which app and which tracing set-up a server child runs, from its environment. */
export interface ServerVariant {
  readonly framework: 'express' | 'koa' | 'fastify';
  /** A variant name of `../variants.ts`. */
  readonly name: string;
  /** An SDK registered by `main` (the official variants register theirs in the preload). */
  readonly registersSdk: boolean;
  readonly sampled: boolean;
  /** What is mounted first: otelware's middleware or plugin, the `floor` middleware, or nothing. */
  readonly tracing: AppTracing;
}

/** The tracing an app mounts before everything else. */
export type AppTracing = 'otelware' | 'floor' | 'none';

const FRAMEWORKS = ['express', 'koa', 'fastify'] as const;

export function serverVariantFromEnv(env: NodeJS.ProcessEnv = process.env): ServerVariant {
  const framework = FRAMEWORKS.find((name) => name === env.BENCH_FRAMEWORK);
  const name = env.BENCH_VARIANT ?? '';
  if (framework === undefined) throw new Error(`unknown BENCH_FRAMEWORK ${env.BENCH_FRAMEWORK}`);
  return {
    framework,
    name,
    registersSdk: [
      'sdk-only',
      'otelware',
      'otelware-unsampled',
      'floor',
      'floor-unsampled',
    ].includes(name),
    sampled: !name.endsWith('-unsampled'),
    tracing: name.startsWith('otelware') ? 'otelware' : name.startsWith('floor') ? 'floor' : 'none',
  };
}
