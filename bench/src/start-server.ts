import { BenchChild } from './child-process';
import type { Framework, ServerVariantSpec } from './variants';

export interface ServerStart {
  readonly benchDir: string;
  readonly framework: Framework;
  readonly variant: ServerVariantSpec;
  readonly cpu?: number;
  readonly nodeArgs?: readonly string[];
  readonly wrapper?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * Starts one variant's server in its own process and returns it once it listens:
 * under a wrapper (valgrind) start-up is many times slower, so it gets longer.
 */
export function startServer(start: ServerStart): Promise<BenchChild> {
  const timeoutMs = start.wrapper === undefined ? 60_000 : 300_000;
  return BenchChild.start(
    {
      benchDir: start.benchDir,
      entry: 'main.ts',
      preload: start.variant.preload,
      cpu: start.cpu,
      nodeArgs: start.nodeArgs,
      wrapper: start.wrapper,
      env: {
        BENCH_FRAMEWORK: start.framework,
        BENCH_VARIANT: start.variant.name,
        // the stable HTTP conventions, as otelware records them (the official default is the old ones)
        OTEL_SEMCONV_STABILITY_OPT_IN: 'http',
        ...start.env,
      },
    },
    timeoutMs,
  );
}
