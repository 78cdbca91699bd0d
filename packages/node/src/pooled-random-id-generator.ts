import { randomFillSync } from 'node:crypto';
import type { IdGenerator } from '@opentelemetry/sdk-trace';

/** Random bytes drawn at a time: the ids of about 170 root spans (16 + 8 bytes each). */
const POOL_BYTES = 4096;

const TRACE_ID_CHARS = 32; // 16 bytes
const SPAN_ID_CHARS = 16; // 8 bytes

/** All zeros is the invalid id (W3C Trace Context §3.2.2.3, §3.2.2.4). */
const INVALID_TRACE_ID = '0'.repeat(TRACE_ID_CHARS);
const INVALID_SPAN_ID = '0'.repeat(SPAN_ID_CHARS);

/** Fills a buffer with random bytes, as `crypto.randomFillSync` does. */
export type RandomFill = (buffer: Buffer) => unknown;

/**
 * The ids `start()` gives spans: 32 (trace) and 16 (span) lowercase hex characters of
 * random bytes, never all zeros, like the SDK's `RandomIdGenerator`, drawn from the
 * operating system's CSPRNG (`crypto.randomFillSync`). The bytes come a few KB at a
 * time, hex-encoded in one call, and each id is a slice of that string: no native call
 * and no buffer write per id. An all-zero draw (chance 2^-64 or less) ends in `1`, as
 * the SDK's does.
 */
export class PooledRandomIdGenerator implements IdGenerator {
  private readonly bytes: Buffer;
  private hex = '';
  private offset = 0;

  constructor(
    private readonly fill: RandomFill = randomFillSync,
    poolBytes = POOL_BYTES,
  ) {
    this.bytes = Buffer.alloc(poolBytes);
  }

  generateTraceId(): string {
    return this.next(TRACE_ID_CHARS, INVALID_TRACE_ID);
  }

  generateSpanId(): string {
    return this.next(SPAN_ID_CHARS, INVALID_SPAN_ID);
  }

  private next(chars: number, invalid: string): string {
    if (this.offset + chars > this.hex.length) {
      this.fill(this.bytes);
      this.hex = this.bytes.toString('hex');
      this.offset = 0;
    }
    const id = this.hex.slice(this.offset, this.offset + chars);
    this.offset += chars;
    return id === invalid ? `${invalid.slice(0, -1)}1` : id;
  }
}
