import net from 'node:net';
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
 * free socket behind a slow server counts too. The client writes fixed request
 * bytes and reads only the status line and `Content-Length` of each answer, so it
 * costs a fraction of what the servers under test spend per request.
 */
export function pacedLoad(
  port: number,
  seconds: number,
  connections: number,
  rate: number,
): Promise<LoadResult> {
  const total = Math.floor(seconds * rate);
  const latencies: number[] = [];
  const waiting: number[] = []; // due times of requests with no free connection yet
  const idle: Connection[] = [];
  const open: Connection[] = [];
  let failures = 0;
  let sent = 0;
  const start = performance.now();
  return new Promise((resolve) => {
    const answered = (connection: Connection, due: number, ok: boolean) => {
      latencies.push(performance.now() - due);
      if (!ok) failures++;
      if (latencies.length >= total) {
        for (const each of open) each.socket.destroy();
        resolve(result(latencies, failures, (performance.now() - start) / 1000));
        return;
      }
      if (!connection.alive) {
        open.splice(open.indexOf(connection), 1);
        const next = waiting.shift();
        if (next !== undefined) send(next);
        return;
      }
      const next = waiting.shift();
      if (next !== undefined) connection.send(next);
      else idle.push(connection);
    };
    const send = (due: number): void => {
      let connection = idle.pop();
      while (connection !== undefined && !connection.alive) {
        open.splice(open.indexOf(connection), 1);
        connection = idle.pop();
      }
      if (connection !== undefined) return connection.send(due);
      if (open.length < connections) {
        const created = new Connection(port, answered);
        open.push(created);
        return created.send(due);
      }
      waiting.push(due);
    };
    const tick = () => {
      const dueNow = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate));
      for (; sent < dueNow; sent++) send(start + (sent / rate) * 1000);
      if (sent < total) setTimeout(tick, 1);
    };
    tick();
  });
}

const REQUEST = Buffer.from(`GET ${REQUEST_PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
const CONTENT_LENGTH = /\r\ncontent-length:\s*(\d+)/i;

/** One keep-alive connection, one request at a time. */
class Connection {
  readonly socket: net.Socket;
  alive = true;
  private due = 0;
  private buffered = '';

  constructor(
    port: number,
    private readonly answered: (connection: Connection, due: number, ok: boolean) => void,
  ) {
    this.socket = net.connect(port, '127.0.0.1');
    this.socket.setNoDelay(true);
    this.socket.setEncoding('latin1');
    this.socket.on('data', (chunk: string) => this.read(chunk));
    this.socket.on('error', () => undefined); // 'close' follows
    this.socket.on('close', () => {
      this.alive = false;
      if (this.due !== 0) this.settle(false); // lost mid-answer: a failure
    });
  }

  send(due: number): void {
    this.due = due;
    this.socket.write(REQUEST);
  }

  private read(chunk: string): void {
    this.buffered += chunk;
    const headEnd = this.buffered.indexOf('\r\n\r\n');
    if (headEnd === -1) return;
    const head = this.buffered.slice(0, headEnd);
    const length = CONTENT_LENGTH.exec(head);
    if (length === null) {
      this.socket.destroy(); // only answers with a length are expected
      return;
    }
    const end = headEnd + 4 + Number(length[1]);
    if (this.buffered.length < end) return;
    this.buffered = this.buffered.slice(end);
    this.settle(head.startsWith('HTTP/1.1 200'));
  }

  private settle(ok: boolean): void {
    const { due } = this;
    this.due = 0;
    this.buffered = '';
    this.answered(this, due, ok);
  }
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
