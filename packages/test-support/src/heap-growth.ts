import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/**
 * Full collections before the heap counts as settled: more than V8's
 * `--bytecode-old-age` (5 on Node 20, 6 on Node 24), so the bytecode of every
 * function not run since the last measurement is flushed in each measurement alike.
 */
const MIN_ROUNDS = 8;
const MAX_ROUNDS = 40;
/** The heap is settled when this many rounds in a row move it by less than `TOLERANCE`. */
const STABLE_ROUNDS = 3;
const TOLERANCE = 64 * 1024;

/**
 * The heap in use after full collections, once nothing more can be freed. Each
 * round waits a timer's turn of the event loop first, so closed sockets finish
 * closing and timers release what they held, then collects.
 */
export async function settledHeapUsed(): Promise<number> {
  let previous = Infinity;
  let stable = 0;
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    gc();
    const used = process.memoryUsage().heapUsed;
    stable = Math.abs(previous - used) < TOLERANCE ? stable + 1 : 0;
    previous = used;
    if (round >= MIN_ROUNDS && stable >= STABLE_ROUNDS) break;
  }
  return previous;
}
