/** Which app and which tracing set-up a server child runs, from its environment. */
export interface ServerVariant {
  readonly framework: 'express' | 'koa' | 'fastify';
  /** A variant name of `../variants.ts`. */
  readonly name: string;
  /**
   * How `main` registers the SDK: the SDK's plain documented set-up, `@otelware/node`'s
   * `start()`, or not at all (the official variants register theirs in the preload).
   */
  readonly sdkSetUp: 'documented' | 'start' | 'none';
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
    sdkSetUp:
      name === 'otelware-start'
        ? 'start'
        : ['sdk-only', 'otelware', 'otelware-unsampled', 'floor', 'floor-unsampled'].includes(name)
          ? 'documented'
          : 'none',
    sampled: !name.endsWith('-unsampled'),
    tracing: name.startsWith('otelware') ? 'otelware' : name.startsWith('floor') ? 'floor' : 'none',
  };
}
