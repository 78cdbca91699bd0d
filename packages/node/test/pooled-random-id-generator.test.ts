import { isValidSpanId, isValidTraceId } from '@opentelemetry/api';
import { PooledRandomIdGenerator } from '../src/pooled-random-id-generator';

const MANY = 50_000; // about 290 pool refills

describe('PooledRandomIdGenerator', () => {
  it('makes trace ids of 32 and span ids of 16 lowercase hex characters, across pool refills', () => {
    const ids = new PooledRandomIdGenerator();
    const malformed: string[] = [];
    for (let i = 0; i < MANY; i++) {
      const spanId = ids.generateSpanId();
      const traceId = ids.generateTraceId();
      if (!/^[0-9a-f]{16}$/.test(spanId)) malformed.push(spanId);
      if (!/^[0-9a-f]{32}$/.test(traceId)) malformed.push(traceId);
    }
    expect(malformed).toEqual([]);
  });

  it('makes no id twice over many', () => {
    const ids = new PooledRandomIdGenerator();
    const traceIds = new Set<string>();
    const spanIds = new Set<string>();
    for (let i = 0; i < MANY; i++) {
      traceIds.add(ids.generateTraceId());
      spanIds.add(ids.generateSpanId());
    }
    expect(traceIds.size).toBe(MANY);
    expect(spanIds.size).toBe(MANY);
  });

  it('draws every hex digit at every position of the ids', () => {
    const ids = new PooledRandomIdGenerator();
    const seen = Array.from({ length: 32 }, () => new Set<string>());
    for (let i = 0; i < 2000; i++) {
      [...ids.generateTraceId()].forEach((digit, position) => seen[position]!.add(digit));
    }
    expect(seen.map((digits) => digits.size)).toEqual(Array(32).fill(16));
  });

  it('takes each id from the next bytes the random source fills in, in order', () => {
    let next = 0;
    const counting = (buffer: Buffer) => buffer.forEach((_, i) => (buffer[i] = next++ & 0xff));
    const ids = new PooledRandomIdGenerator(counting, 32);
    expect(ids.generateSpanId()).toBe('0001020304050607');
    expect(ids.generateTraceId()).toBe('08090a0b0c0d0e0f1011121314151617');
    // 8 bytes left in the pool: too few for a trace id, so the pool is filled again
    expect(ids.generateTraceId()).toBe('202122232425262728292a2b2c2d2e2f');
  });

  it('never makes the invalid all-zero id, even when the random bytes are all zero', () => {
    const ids = new PooledRandomIdGenerator((buffer) => buffer.fill(0));
    const traceId = ids.generateTraceId();
    const spanId = ids.generateSpanId();
    expect(traceId).toBe(`${'0'.repeat(31)}1`);
    expect(spanId).toBe(`${'0'.repeat(15)}1`);
    expect(isValidTraceId(traceId)).toBe(true);
    expect(isValidSpanId(spanId)).toBe(true);
  });

  it('draws its bytes from crypto.randomFillSync by default', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const crypto = require('node:crypto') as typeof import('node:crypto');
    const fill = jest.spyOn(crypto, 'randomFillSync');
    try {
      const spanId = new PooledRandomIdGenerator().generateSpanId();
      expect(fill).toHaveBeenCalledTimes(1);
      const filled = fill.mock.calls[0]![0] as Buffer;
      expect(spanId).toBe(filled.toString('hex', 0, 8));
    } finally {
      fill.mockRestore();
    }
  });
});
