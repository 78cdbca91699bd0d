import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { pacedLoad } from '../src/paced-load';

// The fixed-rate pass's load on a plain node:http server in this process: requests
// spread over the time at the offered rate, not sent a second's worth at once.
describe('paced load', () => {
  let server: http.Server;
  let port: number;
  let arrivals: number[];
  let delayMs: number;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      arrivals.push(performance.now());
      setTimeout(() => res.end('{}'), delayMs);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  beforeEach(() => {
    arrivals = [];
    delayMs = 0;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends seconds × rate requests and counts them all answered', async () => {
    const result = await pacedLoad(port, 1, 10, 200);
    expect(result.requests).toBe(200);
    expect(arrivals).toHaveLength(200);
    expect(result.failures).toBe(0);
  });

  it('spreads the requests over the time instead of sending them at once', async () => {
    const start = performance.now();
    await pacedLoad(port, 1, 10, 200);
    // a quarter is due in the first 250 ms; a burst would send all of them there
    const early = arrivals.filter((at) => at - start < 250).length;
    expect(early).toBeLessThan(100);
    expect(arrivals.at(-1)! - start).toBeGreaterThan(900);
  });

  it('counts the time a request waits for a free connection in its latency', async () => {
    delayMs = 50;
    // one connection answering every 50 ms at most 20 per second, offered 100 per second
    const result = await pacedLoad(port, 0.5, 1, 100);
    expect(result.requests).toBe(50);
    expect(result.p99).toBeGreaterThan(1000);
    expect(result.requestsPerSecond).toBeLessThan(25);
  });
});
