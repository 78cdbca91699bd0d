import path from 'node:path';
import { runLoop } from '../src/bench-fetch';
import type { BenchChild } from '../src/child-process';
import {
  FETCH_VARIANTS,
  startFetchLoop,
  startFetchTarget,
  verifyFetchLoop,
} from '../src/fetch-variants';

// The fetch loop's numbers mean something only if each variant traces as it claims:
// one probe call inside a parent span, without load. Loads the built packages (dist/).
const benchDir = path.resolve(__dirname, '..');

describe('fetch loop benchmark variants', () => {
  let target: BenchChild;

  beforeAll(async () => {
    target = await startFetchTarget(benchDir);
  }, 60_000);

  afterAll(async () => {
    await target.stop();
  });

  it.each(FETCH_VARIANTS)(
    '%s traces as it claims: no CLIENT span, or one whose context reaches the target',
    async (variant) => {
      const loop = await startFetchLoop({ benchDir, variant, targetPort: target.port });
      try {
        expect(await verifyFetchLoop(loop, variant)).toEqual([]);
      } finally {
        await loop.stop();
      }
    },
    60_000,
  );

  it("measures the loop's own CPU time per call beside its calls/s", async () => {
    const loop = await startFetchLoop({ benchDir, variant: 'otelware', targetPort: target.port });
    try {
      const run = await runLoop(loop, 0.3, 2);
      expect(run.callsPerSecond).toBeGreaterThan(0);
      expect(run.cpuPerCall).toBeGreaterThan(0);
    } finally {
      await loop.stop();
    }
  }, 60_000);
});
