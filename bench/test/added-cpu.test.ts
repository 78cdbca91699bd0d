import { addedCpu, formatAddedTable, medianAdded } from '../src/added-cpu';

// Pure arithmetic of the "added CPU" printout: no servers.
describe('added CPU', () => {
  const cpu = new Map([
    ['bare', [10, 12, 11]],
    ['otelware', [13, 16, 13.5]],
    ['otelware-nosdk', [9.5, 12.2, 11]],
  ]);

  it("subtracts bare's CPU of the same round, then takes the median and range over rounds", () => {
    const otelware = addedCpu(cpu, 'bare').find((row) => row.variant === 'otelware')!;
    // per round: 3, 4, 2.5
    expect(otelware.added).toEqual({ median: 3, min: 2.5, max: 4 });
  });

  it("gives the median added as a share of bare's median CPU", () => {
    const otelware = addedCpu(cpu, 'bare').find((row) => row.variant === 'otelware')!;
    expect(otelware.percentOfBaseline).toBeCloseTo((3 / 11) * 100, 10);
  });

  it('keeps a negative added CPU negative', () => {
    const nosdk = addedCpu(cpu, 'bare').find((row) => row.variant === 'otelware-nosdk')!;
    expect(nosdk.added.min).toBeCloseTo(-0.5, 10);
    expect(nosdk.added.median).toBeCloseTo(0, 10);
  });

  it('leaves the baseline out of its own rows', () => {
    expect(addedCpu(cpu, 'bare').map((row) => row.variant)).toEqual(['otelware', 'otelware-nosdk']);
  });

  it('stops when the baseline has no figures', () => {
    expect(() => addedCpu(cpu, 'untraced')).toThrow("no CPU figures of the baseline 'untraced'");
  });

  it('maps each variant to its median added CPU for the targets', () => {
    expect(medianAdded(addedCpu(cpu, 'bare')).get('otelware')).toBe(3);
  });

  it('prints signed figures with their range and the share of the baseline', () => {
    const table = formatAddedTable('koa', 'bare', addedCpu(cpu, 'bare'));
    expect(table.split('\n')).toEqual([
      "| framework | variant | added CPU µs / req over bare | ÷ bare's CPU µs / req |",
      '| --- | --- | ---: | ---: |',
      '| koa | otelware | +3.00 (+2.50 – +4.00) | +27.3 % |',
      '| koa | otelware-nosdk | +0.00 (-0.50 – +0.20) | +0.0 % |',
    ]);
  });
});
