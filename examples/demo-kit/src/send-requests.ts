/** One demo request: method, path, and fetch options. */
export type DemoRequest = [method: string, path: string, init?: RequestInit];

/** Sends the requests one by one to `base`, printing each answer after the spans it produced. */
export async function sendRequests(base: string, requests: readonly DemoRequest[]): Promise<void> {
  for (const [method, path, init] of requests) {
    const response = await fetch(base + path, { method, ...init });
    await response.text();
    console.log(`\n${method} ${path} -> ${response.status}`);
    await new Promise((resolve) => setTimeout(resolve, 20)); // let the span end and print
  }
}
