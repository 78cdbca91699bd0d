import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** The heap in use after full collections, once nothing more can be freed. */
export async function settledHeapUsed(): Promise<number> {
  let previous = Infinity;
  for (let round = 0; round < 10; round++) {
    await new Promise((resolve) => setImmediate(resolve)); // let closed sockets finish closing
    gc();
    const used = process.memoryUsage().heapUsed;
    if (Math.abs(previous - used) < 64 * 1024) return used;
    previous = used;
  }
  return previous;
}
