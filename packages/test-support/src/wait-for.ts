/**
 * Resolves once `condition()` holds, checking on every turn of the event loop
 * (a span ends a moment after the client saw the response), or after `timeoutMs`.
 */
export async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) {
    await new Promise((resolve) => setImmediate(resolve));
  }
}
