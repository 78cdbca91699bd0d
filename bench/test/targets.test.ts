import {
  fetchTargets,
  formatTargets,
  frameworkTargets,
  instructionTargets,
  type FrameworkFigures,
  type TargetLine,
} from '../src/targets';

// Issue 23's targets as verdicts on given figures: pure functions, no servers.
const allRan = new Map([
  ['otelware', 3.3],
  ['floor', 3],
  ['otelware-unsampled', 1.2],
  ['floor-unsampled', 1],
  ['otelware-nosdk', 0.2],
  ['otel-official', 9.9],
]);
const figures = (changes: Partial<FrameworkFigures> = {}): FrameworkFigures => ({
  added: allRan,
  bareCpu: 20,
  tail: { p99Ratio: new Map([['otelware', 1.1]]), shortOfRate: new Set() },
  ...changes,
});
const line = (lines: TargetLine[], start: string): TargetLine =>
  lines.find((candidate) => candidate.label.startsWith(start))!;

describe('framework targets', () => {
  it('meets T2 sampled at exactly 1.10 × the floor', () => {
    expect(line(frameworkTargets(figures()), 'T2 sampled')).toEqual({
      label: 'T2 sampled: added(otelware) ÷ added(floor)',
      figure: '1.10 (3.30 µs ÷ 3.00 µs), target ≤ 1.10',
      verdict: 'met',
    });
  });

  it('does not meet T2 unsampled above 1.10 × the unsampled floor', () => {
    const verdict = line(frameworkTargets(figures()), 'T2 unsampled');
    expect(verdict.figure).toBe('1.20 (1.20 µs ÷ 1.00 µs), target ≤ 1.10');
    expect(verdict.verdict).toBe('NOT met');
  });

  it("meets T3 at 1 % of bare's CPU", () => {
    expect(line(frameworkTargets(figures()), 'T3')).toEqual({
      label: 'T3 no SDK: added(otelware-nosdk) ÷ CPU(bare)',
      figure: '1.0 % (0.20 ÷ 20.00 µs), target ≤ 2 %',
      verdict: 'met',
    });
  });

  it('counts a negative added CPU as 0 % for T3 but prints its sign', () => {
    const added = new Map([...allRan, ['otelware-nosdk', -0.5]]);
    const verdict = line(frameworkTargets(figures({ added })), 'T3');
    expect(verdict.figure).toBe('-2.5 % (-0.50 ÷ 20.00 µs), target ≤ 2 %');
    expect(verdict.verdict).toBe('met');
  });

  it("does not meet T3 above 2 % of bare's CPU", () => {
    const added = new Map([...allRan, ['otelware-nosdk', 0.5]]);
    expect(line(frameworkTargets(figures({ added })), 'T3').verdict).toBe('NOT met');
  });

  it('meets T4 at a third of the official instrumentation', () => {
    expect(line(frameworkTargets(figures()), 'T4')).toEqual({
      label: 'T4 incumbent: added(otelware) ÷ added(otel-official)',
      figure: '0.33 (3.30 µs ÷ 9.90 µs), target ≤ 1/3',
      verdict: 'met',
    });
  });

  it("meets T5 at 1.1 × bare's p99", () => {
    expect(line(frameworkTargets(figures()), 'T5')).toEqual({
      label: 'T5 tail at the fixed rate: p99(otelware) ÷ p99(bare)',
      figure: "1.10 (the median of the rounds' ratios), target ≤ 1.20",
      verdict: 'met',
    });
  });

  it('does not meet T5 when otelware fell short of the offered rate', () => {
    const tail = { p99Ratio: new Map([['otelware', 1]]), shortOfRate: new Set(['otelware']) };
    const verdict = line(frameworkTargets(figures({ tail })), 'T5');
    expect(verdict).toMatchObject({
      figure: 'otelware fell short of the offered rate',
      verdict: 'NOT met',
    });
  });

  it('cannot tell T5 when bare itself fell short of the offered rate', () => {
    const tail = { p99Ratio: new Map([['otelware', 1]]), shortOfRate: new Set(['bare']) };
    expect(line(frameworkTargets(figures({ tail })), 'T5').verdict).toBe('–');
  });

  it("does not meet T5 above 1.2 × bare's p99", () => {
    const tail = { p99Ratio: new Map([['otelware', 1.21]]), shortOfRate: new Set<string>() };
    expect(line(frameworkTargets(figures({ tail })), 'T5').verdict).toBe('NOT met');
  });

  it('says T5 was not run without the fixed-rate pass', () => {
    expect(line(frameworkTargets(figures({ tail: undefined })), 'T5')).toMatchObject({
      figure: 'fixed-rate pass not run',
      verdict: '–',
    });
  });

  it('names the variants that did not run instead of failing', () => {
    const added = new Map([['otelware', 3]]);
    const lines = frameworkTargets(figures({ added, tail: undefined }));
    expect(lines.map((target) => [target.figure, target.verdict])).toEqual([
      ['not run: floor', '–'],
      ['not run: otelware-unsampled, floor-unsampled', '–'],
      ['not run: otelware-nosdk', '–'],
      ['not run: otel-official', '–'],
      ['fixed-rate pass not run', '–'],
    ]);
  });

  it('takes no ratio to a floor that adds nothing', () => {
    const added = new Map([...allRan, ['floor', -0.1]]);
    expect(line(frameworkTargets(figures({ added })), 'T2 sampled')).toMatchObject({
      figure: 'floor is -0.10 µs: no ratio',
      verdict: '–',
    });
  });

  it('adds otelware-start against otelware, informational, when it ran', () => {
    const added = new Map([...allRan, ['otelware-start', 2.2]]);
    expect(line(frameworkTargets(figures({ added })), 'start()')).toEqual({
      label: 'start(): added(otelware-start) ÷ added(otelware)',
      figure: '0.67 (2.20 µs ÷ 3.30 µs)',
      verdict: 'informational',
    });
    expect(line(frameworkTargets(figures()), 'start()')).toBeUndefined();
  });
});

describe('fetch targets', () => {
  it('compares the fetch loop with its floor over untraced', () => {
    expect(
      fetchTargets(
        new Map([
          ['otelware', 2.4],
          ['floor', 2],
        ]),
      ),
    ).toEqual([
      {
        label: 'T2: added(otelware) ÷ added(floor)',
        figure: '1.20 (2.40 µs ÷ 2.00 µs), target ≤ 1.10',
        verdict: 'NOT met',
      },
    ]);
  });
});

describe('instruction targets', () => {
  const counts = new Map([
    ['bare', 100_000],
    ['otelware-nosdk', 102_500],
    ['floor', 200_000],
    ['otelware', 209_000],
    ['floor-unsampled', 150_000],
    ['otelware-unsampled', 160_000],
  ]);

  it('checks otelware against the floor, sampled and unsampled, at 1.05', () => {
    const lines = instructionTargets(counts);
    expect(line(lines, "T2' sampled")).toMatchObject({
      figure: '1.045 (209.0k ÷ 200.0k), target ≤ 1.050',
      verdict: 'met',
    });
    expect(line(lines, "T2' unsampled")).toMatchObject({
      figure: '1.067 (160.0k ÷ 150.0k), target ≤ 1.050',
      verdict: 'NOT met',
    });
  });

  it('checks otelware-nosdk against bare at 1.02', () => {
    expect(line(instructionTargets(counts), 'T3')).toEqual({
      label: 'T3 no SDK: instructions(otelware-nosdk) ÷ instructions(bare)',
      figure: '1.025 (102.5k ÷ 100.0k), target ≤ 1.020',
      verdict: 'NOT met',
    });
  });

  it('adds otelware-start against otelware, informational, when it was counted', () => {
    const withStart = new Map([...counts, ['otelware-start', 190_000]]);
    expect(line(instructionTargets(withStart), 'start()')).toEqual({
      label: 'start(): instructions(otelware-start) ÷ instructions(otelware)',
      figure: '0.909 (190.0k ÷ 209.0k)',
      verdict: 'informational',
    });
    expect(line(instructionTargets(counts), 'start()')).toBeUndefined();
  });

  it('names an uncounted variant instead of failing', () => {
    const withoutNoSdk = new Map([...counts].filter(([variant]) => variant !== 'otelware-nosdk'));
    expect(line(instructionTargets(withoutNoSdk), 'T3')).toMatchObject({
      figure: 'not run: otelware-nosdk',
      verdict: '–',
    });
  });
});

describe('target lines', () => {
  it('prints one line per target with the group, figures and verdict', () => {
    const lines = frameworkTargets(figures());
    expect(formatTargets('koa', lines).split('\n')[0]).toBe(
      '- koa T2 sampled: added(otelware) ÷ added(floor): 1.10 (3.30 µs ÷ 3.00 µs), target ≤ 1.10: met',
    );
  });
});
