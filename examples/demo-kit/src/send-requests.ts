/** One demo request: method, path, and fetch options. */
export type DemoRequest = [method: string, path: string, init?: RequestInit];

export interface SendOptions {
  /** Called after each answer, once its spans have ended: exports (prints) them. */
  flush(): Promise<void>;
  /** Where the answer lines go. @default process.stdout */
  write?: (text: string) => void;
}

/**
 * Sends the requests one by one to `base`; after each, prints its answer line and
 * then flushes, so every request's trace prints under its own line. Returns the statuses.
 */
export async function sendRequests(
  base: string,
  requests: readonly DemoRequest[],
  { flush, write = (text) => process.stdout.write(text) }: SendOptions,
): Promise<number[]> {
  const statuses: number[] = [];
  for (const [method, path, init] of requests) {
    const response = await fetch(base + path, { method, ...init });
    await response.text();
    statuses.push(response.status);
    write(`\n${method} ${path} -> ${response.status}\n`);
    // the server span ends when the response closes, just after the client has it
    await new Promise((resolve) => setTimeout(resolve, 10));
    await flush();
  }
  return statuses;
}
