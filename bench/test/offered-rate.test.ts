import {
  formatRateTable,
  offeredRate,
  rateRows,
  tailFigures,
  type RateRun,
} from '../src/offered-rate';

// Pure part of the fixed-offered-rate pass: the rate offered, the rows, the flags. No servers.
const run = (achieved: number, p99: number, failures = 0): RateRun => ({ achieved, p99, failures });

describe('fixed offered rate', () => {
  it("offers half of bare's median req/s over the rounds", () => {
    expect(offeredRate([9000, 10_001, 12_000])).toBe(5001);
  });

  it("divides each round's p99 by bare's of the same round, then takes the median", () => {
    const runs = new Map([
      ['bare', [run(5000, 2), run(5000, 4)]],
      ['otelware', [run(5000, 3), run(5000, 4)]],
    ]);
    const otelware = rateRows('koa', 5000, runs).find((row) => row.variant === 'otelware')!;
    // per round 1.5 and 1
    expect(otelware.p99Ratio).toEqual({ median: 1.25, min: 1, max: 1.5 });
    expect(otelware.p99).toEqual({ median: 3.5, min: 3, max: 4 });
  });

  it('flags a variant that answered less than 95 % of the offered rate in any round', () => {
    const runs = new Map([
      ['bare', [run(5000, 2), run(4760, 2)]],
      ['otelware', [run(5000, 3), run(4740, 9)]],
    ]);
    const rows = rateRows('koa', 5000, runs);
    expect(rows.map((row) => [row.variant, row.shortOfRate])).toEqual([
      ['bare', false],
      ['otelware', true],
    ]);
    expect(tailFigures(rows).shortOfRate).toEqual(new Set(['otelware']));
  });

  it('flags failed requests and a variant short of the rate in the table', () => {
    const runs = new Map([
      ['bare', [run(5000, 2)]],
      ['otelware', [run(3000, 30, 2)]],
    ]);
    expect(
      formatRateTable(rateRows('koa', 5000, runs))
        .split('\n')
        .slice(2),
    ).toEqual([
      '| koa | bare | 5000 | 5000 (5000–5000) | 2.0 (2.0–2.0) | 1.00 (1.00–1.00) |',
      '| koa | otelware (fell short of the offered rate: not comparable!) (had failed requests!) | 5000 | 3000 (3000–3000) | 30.0 (30.0–30.0) | 15.00 (15.00–15.00) |',
    ]);
  });

  it('needs bare as the baseline', () => {
    expect(() => rateRows('koa', 5000, new Map([['otelware', [run(5000, 3)]]]))).toThrow(
      'the fixed-rate pass needs bare',
    );
  });
});
