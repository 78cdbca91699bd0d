import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { startOtlpReceiver, type OtlpReceiver } from './otlp-receiver';

const packageDir = path.resolve(__dirname, '..');
let receiver: OtlpReceiver;

beforeAll(async () => {
  if (!existsSync(path.join(packageDir, 'dist', 'start.js'))) {
    throw new Error('packages/node/dist is missing: run `pnpm build` first (`pnpm test` does)');
  }
  receiver = await startOtlpReceiver();
});
afterAll(() => receiver.close());
beforeEach(() => {
  receiver.exports.length = 0;
});

describe('the built @otelware/node package', () => {
  it('declares ESM and CommonJS entry points with types for "." and "./start"', () => {
    const manifest = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
    for (const entry of ['.', './start']) {
      const { import: esm, require: cjs } = manifest.exports[entry];
      for (const file of [esm.types, esm.default, cjs.types, cjs.default]) {
        expect(existsSync(path.join(packageDir, file))).toBe(true);
      }
    }
    expect(manifest.peerDependencies).toEqual({ '@opentelemetry/api': '^1.10.0' });
  });

  it.each([
    ['--import', 'esm-app.mjs', 'esm'],
    ['--require', 'cjs-app.cjs', 'cjs'],
  ])(
    'node %s @otelware/node/start traces %s from the environment alone',
    async (flag, app, prefix) => {
      const { stdout, stderr } = await promisify(execFile)(
        process.execPath,
        [flag, '@otelware/node/start', path.join(__dirname, 'fixtures', app)],
        {
          cwd: packageDir,
          timeout: 15_000,
          env: {
            PATH: process.env.PATH,
            OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
            OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
            OTEL_SERVICE_NAME: `${prefix}-service`,
          },
        },
      );
      expect({ stdout, stderr }).toEqual({ stdout: '', stderr: '' });
      const spans = receiver.exports.flatMap((received) => received.spans);
      expect(spans.map(({ name, service, scope }) => ({ name, service, scope }))).toEqual([
        { name: `${prefix} child`, service: `${prefix}-service`, scope: `${prefix}-app` },
        { name: `${prefix} parent`, service: `${prefix}-service`, scope: `${prefix}-app` },
      ]);
      const [child, parent] = spans;
      expect(child?.parentSpanId).toBe(parent?.spanId); // the context manager is registered
      expect(child?.traceId).toBe(parent?.traceId);
    },
  );
});
