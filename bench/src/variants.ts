import { sdkLine } from '../../platforms/sdk-line.cjs';

/** The frameworks and the server variants the benchmark compares, each in its own process. */
export const FRAMEWORKS = ['express', 'koa', 'fastify'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

/** What a variant's correctness check expects of a request that carries a sampled `traceparent`. */
export type Expectation = 'server-span' | 'no-server-span';

export interface ServerVariantSpec {
  readonly name: string;
  readonly description: string;
  readonly expect: Expectation;
  /** Loaded with `--require` before the app: the official auto-instrumentation. */
  readonly preload?: 'official-preload.ts';
  /** Runs on this SDK line only (`@otelware/node` needs SDK 3, hence Node.js >= 22.15). */
  readonly sdkLine?: 3;
}

const ALL_SERVER_VARIANTS: readonly ServerVariantSpec[] = [
  { name: 'bare', description: 'no SDK, no tracing', expect: 'no-server-span' },
  {
    name: 'sdk-only',
    description:
      'SDK registered (AlwaysOn) and its AsyncLocalStorage switched on, no middleware: the SDK alone',
    expect: 'no-server-span',
  },
  { name: 'otelware', description: 'otelware, AlwaysOn, batch processor', expect: 'server-span' },
  {
    name: 'otelware-unsampled',
    description: 'otelware, AlwaysOff sampler',
    expect: 'no-server-span',
  },
  {
    name: 'otelware-start',
    description:
      "otelware, the SDK set up by @otelware/node's start() (AlwaysOn, batch processor), SDK 3 only",
    expect: 'server-span',
    sdkLine: 3,
  },
  { name: 'otelware-nosdk', description: 'otelware, no SDK registered', expect: 'no-server-span' },
  {
    name: 'floor',
    description:
      'the same span, hand-rolled for this one route, AlwaysOn: what the SDK costs any tracer',
    expect: 'server-span',
  },
  {
    name: 'floor-unsampled',
    description: 'the hand-rolled span with the AlwaysOff sampler',
    expect: 'no-server-span',
  },
  {
    name: 'otel-official',
    description: 'instrumentation-http + framework instrumentation, AlwaysOn',
    expect: 'server-span',
    preload: 'official-preload.ts',
  },
  {
    name: 'otel-official-unsampled',
    description: 'instrumentation-http + framework instrumentation, AlwaysOff',
    expect: 'no-server-span',
    preload: 'official-preload.ts',
  },
];

/** The variants this run's SDK line (`OTELWARE_SDK`, else the newest this Node.js runs) can run. */
export const SERVER_VARIANTS: readonly ServerVariantSpec[] = ALL_SERVER_VARIANTS.filter(
  (variant) => variant.sdkLine === undefined || variant.sdkLine === sdkLine(),
);

/** The route every app serves and every check and load request uses. */
export const ROUTE_TEMPLATE = '/api/users/:id';
export const REQUEST_PATH = '/api/users/42';
