import http from 'node:http';
import { performance } from 'node:perf_hooks';
import type { LoadResult } from './load';
import { REQUEST_PATH } from './variants';

/**
 * `GET /api/users/42` at a steady `rate` for `seconds`, over at most `connections`
 * keep-alive sockets: request i is due at start + i / rate. autocannon's own rate
 * limit lets each connection send a second's share back to back and then wait, so
 * the server is saturated for part of every second and p99 still mirrors
 * throughput. Here requests are spread evenly (every millisecond, what is due), and
 * each latency runs from when the request was due, so time spent waiting for a
 * free socket behind a slow server counts too.
 */
export function pacedLoad(
  port: number,
  seconds: number,
  connections: number,
  rate: number,
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const total = Math.floor(seconds * rate);
  const latencies: number[] = [];
  let failures = 0;
  let sent = 0;
  const start = performance.now();
  return new Promise((resolve) => {
    const answered = (due: number, ok: boolean) => {
      latencies.push(performance.now() - due);
      if (!ok) failures++;
      if (latencies.length < total) return;
      agent.destroy();
      const elapsed = (performance.now() - start) / 1000;
      resolve(result(latencies, failures, elapsed));
    };
    const send = (due: number) => {
      const request = http.get({ agent, host: '127.0.0.1', port, path: REQUEST_PATH }, (res) => {
        res.resume();
        res.on('end', () => answered(due, res.statusCode === 200));
      });
      request.on('error', () => answered(due, false));
    };
    const tick = () => {
      const dueNow = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate));
      for (; sent < dueNow; sent++) send(start + (sent / rate) * 1000);
      if (sent < total) setTimeout(tick, 1);
    };
    tick();
  });
}

/** `requestsPerSecond` is what was answered over the time it took: below the rate if the server fell behind. */
function result(latencies: number[], failures: number, elapsed: number): LoadResult {
  const sorted = latencies.sort((a, b) => a - b);
  return {
    requestsPerSecond: sorted.length / elapsed,
    requests: sorted.length,
    p99: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] ?? Number.NaN,
    failures,
  };
}
