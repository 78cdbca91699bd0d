import autocannon from 'autocannon';
import { REQUEST_PATH } from './variants';

export interface LoadResult {
  /** Mean requests per second over the run. */
  readonly requestsPerSecond: number;
  /** 99th percentile latency, ms. */
  readonly p99: number;
  /** Non-2xx answers, errors and timeouts: a run with any is not a fair number. */
  readonly failures: number;
}

/** `GET /api/users/42` on loopback with autocannon, `connections` at a time, for `seconds`. */
export async function applyLoad(
  port: number,
  seconds: number,
  connections: number,
): Promise<LoadResult> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${REQUEST_PATH}`,
    connections,
    duration: seconds,
    pipelining: 1,
  });
  return {
    requestsPerSecond: result.requests.average,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

/** Exactly `amount` requests of `GET /api/users/42`, `connections` at a time; resolves to the failures. */
export async function sendRequests(
  port: number,
  amount: number,
  connections: number,
): Promise<number> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${REQUEST_PATH}`,
    connections,
    amount,
    pipelining: 1,
  });
  return result.non2xx + result.errors + result.timeouts;
}
