/**
 * Loaded with `--require` before anything else in every benchmark child: one copy of
 * `@opentelemetry/api` per process, the SDK line's (1.9 for SDK 2, 1.10 for SDK 3), as
 * an application's installation deduplicates it. Otherwise each package resolves the
 * copy installed next to it (the benchmark's code and `@fastify/otel` 1.10, otelware's
 * packages whatever their devDependencies hold), so on SDK 2 the globals would be
 * registered through an API that SDK 2 does not support (its peer range ends below
 * 1.10), and a copy older than the one that registered them would read them as unset
 * (the API's compatibility rule) and trace into no-op objects.
 */
import Module from 'node:module';
import { sdkRequire } from '../sdk-require';

type ResolveFilename = (request: string, ...rest: unknown[]) => string;
const loader = Module as unknown as { _resolveFilename: ResolveFilename };

const api = sdkRequire().resolve('@opentelemetry/api');
const resolveFilename = loader._resolveFilename;
loader._resolveFilename = function (this: unknown, request, ...rest) {
  return request === '@opentelemetry/api' ? api : resolveFilename.call(this, request, ...rest);
};
