const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/** How long a signal waits for the export before the process goes on exiting. */
const SIGNAL_FLUSH_LIMIT_MILLIS = 5000;

function withinLimit(work: Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, SIGNAL_FLUSH_LIMIT_MILLIS);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

/**
 * Exports what is left when the process ends, without taking its exit away from the app:
 * - SIGTERM / SIGINT with an app listener too: flush only; the app decides how to exit.
 * - SIGTERM / SIGINT with only ours: a listener would keep Node from exiting, so shut
 *   down, remove the hooks and raise the signal again: the process ends as it would have.
 * - beforeExit (the event loop ran dry): shut down.
 * `flush` and `shutdown` must never reject. Returns a function that removes the hooks.
 */
export function flushOnExit(flush: () => Promise<void>, shutdown: () => Promise<void>): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    if (process.listenerCount(signal) > 1) {
      void flush();
      return;
    }
    removeHooks(); // a second signal while exporting now ends the process at once
    void withinLimit(shutdown()).then(() => process.kill(process.pid, signal));
  };
  const onBeforeExit = () => void shutdown();
  function removeHooks() {
    for (const signal of SIGNALS) process.off(signal, onSignal);
    process.off('beforeExit', onBeforeExit);
  }
  for (const signal of SIGNALS) process.on(signal, onSignal);
  process.once('beforeExit', onBeforeExit);
  return removeHooks;
}
