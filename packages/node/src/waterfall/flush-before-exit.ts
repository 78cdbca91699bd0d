/** Something with buffered output to print before the process ends. */
export interface Flushable {
  flushNow(): void;
}

const registered = new Set<WeakRef<Flushable>>();
let listening = false;

/**
 * Flushes `target` when Node's event loop runs dry ('beforeExit'). The waterfall's timers are
 * unref'd so they never hold a process open; without this, a script that ends right after
 * its last span would exit with that trace still waiting out its settle time, never printed.
 * One process listener serves every exporter, and a weak reference lets an exporter nobody
 * shut down still be collected. Returns the unregister function.
 */
export function flushBeforeExit(target: Flushable): () => void {
  const ref = new WeakRef(target);
  registered.add(ref);
  if (!listening) {
    listening = true;
    process.on('beforeExit', flushRegistered);
  }
  return () => registered.delete(ref);
}

function flushRegistered(): void {
  for (const ref of registered) {
    const target = ref.deref();
    if (target) target.flushNow();
    else registered.delete(ref);
  }
}
