import * as common11 from '@nestjs/common';
import * as core11 from '@nestjs/core';
import * as platformExpress11 from '@nestjs/platform-express';
import * as platformFastify11 from '@nestjs/platform-fastify';
import * as nest10 from '@otelware-platforms/nest10';

/** One NestJS major: its packages, typed as Nest 11's (the test apps use what both share). */
export interface Nest {
  readonly major: number;
  readonly common: typeof common11;
  readonly core: typeof core11;
  readonly platformExpress: typeof platformExpress11;
  readonly platformFastify: typeof platformFastify11;
}

const nestMajors: Nest[] = [
  {
    major: 11,
    common: common11,
    core: core11,
    platformExpress: platformExpress11,
    platformFastify: platformFastify11,
  },
  { major: 10, ...(nest10 as unknown as Omit<Nest, 'major'>) },
];

/**
 * Every supported major on both HTTP platforms, for `describe.each`: Nest 11 runs
 * on Express 5 and Fastify 5, Nest 10 on Express 4 and Fastify 4.
 */
export const nestPlatforms = nestMajors.flatMap((nest) =>
  (['express', 'fastify'] as const).map((platform) => ({ nest, major: nest.major, platform })),
);
