import fc from 'fast-check';

/** The default seed: fixed, so every run checks the same cases unless `FC_SEED` asks otherwise. */
const DEFAULT_SEED = 20_260_801;

/** The seed of every property in this run: `FC_SEED` from the environment, else the default. */
export const propertySeed: number = (() => {
  const fromEnv = Number(process.env['FC_SEED']);
  return Number.isSafeInteger(fromEnv) && process.env['FC_SEED'] !== '' ? fromEnv : DEFAULT_SEED;
})();

/** The same seed and report for every property check. */
function assertOptions(numRuns: number): fc.Parameters<unknown> {
  return { seed: propertySeed, numRuns, endOnFailure: true, includeErrorInReport: true };
}

/**
 * Runs an async property `numRuns` times with the run's seed. On failure the error
 * names the seed and how to replay it, on top of fast-check's own counterexample.
 */
export async function checkProperty<Ts>(
  property: fc.IAsyncProperty<Ts>,
  numRuns: number,
): Promise<void> {
  try {
    await fc.assert(property, assertOptions(numRuns));
  } catch (error) {
    throw seededFailure(error);
  }
}

/** The synchronous counterpart of `checkProperty`, for pure core functions. */
export function checkSyncProperty<Ts>(property: fc.IProperty<Ts>, numRuns: number): void {
  try {
    fc.assert(property, assertOptions(numRuns));
  } catch (error) {
    throw seededFailure(error);
  }
}

/**
 * The failure with the seed up front and 1 MB counterexamples readable: a run of
 * one character longer than 100 is shown as `x…×1048576`.
 */
function seededFailure(error: unknown): Error {
  const message = (error instanceof Error ? error.message : String(error)).replace(
    /(.)\1{100,}/g,
    (run: string, char: string) => `${char}…×${run.length}`,
  );
  return new Error(`property failed with FC_SEED=${propertySeed} (rerun with it):\n${message}`);
}
