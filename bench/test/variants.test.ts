import path from 'node:path';
import { measureLoad } from '../src/bench-framework';
import type { BenchChild } from '../src/child-process';
import { startServer } from '../src/start-server';
import { verifyServer } from '../src/verify-server';
import { FRAMEWORKS, SERVER_VARIANTS } from '../src/variants';

// The benchmark's numbers mean something only if each variant does what it claims:
// this starts every server variant (no load) and checks what one request exports.
// The children load the built packages (dist/): run `pnpm build` first, as `pnpm test` does.
const benchDir = path.resolve(__dirname, '..');
const STARTS_AT_ONCE = 4;

describe.each(FRAMEWORKS)('%s benchmark variants', (framework) => {
  const servers = new Map<string, BenchChild>();

  beforeAll(async () => {
    // a few at a time: starting a child is mostly CPU (loading the app and the SDK)
    for (let i = 0; i < SERVER_VARIANTS.length; i += STARTS_AT_ONCE) {
      const batch = SERVER_VARIANTS.slice(i, i + STARTS_AT_ONCE);
      const started = await Promise.all(
        batch.map((variant) => startServer({ benchDir, framework, variant })),
      );
      started.forEach((server, j) => servers.set(batch[j]!.name, server));
    }
  }, 120_000);

  afterAll(async () => {
    await Promise.all([...servers.values()].map((server) => server.stop()));
  });

  it.each(SERVER_VARIANTS.filter((variant) => variant.expect === 'server-span'))(
    '$name exports a SERVER span named by the route, child of the incoming traceparent',
    async (variant) => {
      const verdict = await verifyServer(servers.get(variant.name)!, variant);
      expect(verdict.problems).toEqual([]);
    },
  );

  it.each(SERVER_VARIANTS.filter((variant) => variant.expect === 'no-server-span'))(
    '$name answers the same and exports no SERVER span',
    async (variant) => {
      const verdict = await verifyServer(servers.get(variant.name)!, variant);
      expect(verdict.problems).toEqual([]);
    },
  );

  it("measures the server's own CPU time per request beside its req/s", async () => {
    const server = servers.get('bare')!;
    const measured = await measureLoad(server, 0.5, 2);
    const usedSinceStart = (await server.ask({ type: 'cpu-usage' }, 'cpu-usage')).micros;
    expect(measured.failures).toBe(0);
    expect(measured.requests).toBeGreaterThan(0);
    // the CPU time of this load only, shared out over its requests: not the process's total
    expect(measured.cpuPerRequest).toBeGreaterThan(0);
    expect(measured.cpuPerRequest * measured.requests).toBeLessThan(usedSinceStart);
  });
});
