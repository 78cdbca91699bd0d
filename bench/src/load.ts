import autocannon from 'autocannon';
import { REQUEST_PATH } from './variants';

export interface LoadResult {
  /** Mean requests per second over the run. */
  readonly requestsPerSecond: number;
  /** Requests answered in the run. */
  readonly requests: number;
  /** 99th percentile latency, ms. */
  readonly p99: number;
  /** Non-2xx answers, errors and timeouts: a run with any is not a fair number. */
  readonly failures: number;
}

/** `GET /api/users/42` on loopback, `connections` at a time, for some seconds or some requests. */
async function cannon(
  port: number,
  connections: number,
  limit: { readonly duration: number } | { readonly amount: number },
): Promise<LoadResult> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${REQUEST_PATH}`,
    connections,
    pipelining: 1,
    ...limit,
  });
  return {
    requestsPerSecond: result.requests.average,
    requests: result.requests.total,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

/** `GET /api/users/42` with autocannon, `connections` at a time, for `seconds`. */
export function applyLoad(port: number, seconds: number, connections: number): Promise<LoadResult> {
  return cannon(port, connections, { duration: seconds });
}

/** Exactly `amount` requests, `connections` at a time; resolves to the failures. */
export async function sendRequests(
  port: number,
  amount: number,
  connections: number,
): Promise<number> {
  return (await cannon(port, connections, { amount })).failures;
}
