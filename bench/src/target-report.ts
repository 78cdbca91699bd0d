import { formatAddedTable, medianAdded } from './added-cpu';
import type { FetchResult } from './bench-fetch';
import type { FrameworkResult } from './bench-framework';
import { formatRateTable, tailFigures } from './offered-rate';
import { fetchTargets, formatTargets, frameworkTargets } from './targets';

/**
 * The printout after the main table: per framework (and the fetch loop) the CPU
 * each variant adds to the baseline, the fixed-rate pass, and issue 23's targets.
 */

export const TARGETS_LEGEND =
  "Added CPU: a variant's CPU µs per request minus bare's (fetch: untraced's) in the same round; the median over rounds (min–max), and that median as % of bare's median CPU. The targets divide the medians of added CPU (T3: by bare's median CPU; a negative added counts as 0 %), except T5: p99 at the fixed offered rate (half of bare's median req/s in the rounds above, requests sent at a steady pace, latency counted from when each was due), divided by bare's p99 per round, then the median. `–`: the run cannot tell (a variant not run, or no ratio to take).";

export function formatFrameworkReport(framework: string, result: FrameworkResult): string {
  const targets = frameworkTargets({
    added: medianAdded(result.added),
    bareCpu: result.bareCpu,
    tail: result.rate === undefined ? undefined : tailFigures(result.rate),
  });
  return [
    `### ${framework}`,
    formatAddedTable(framework, 'bare', result.added),
    ...(result.rate === undefined ? [] : [formatRateTable(result.rate)]),
    formatTargets(framework, targets),
  ].join('\n\n');
}

export function formatFetchReport(result: FetchResult): string {
  return [
    '### fetch',
    formatAddedTable('fetch', 'untraced', result.added),
    formatTargets('fetch', fetchTargets(medianAdded(result.added))),
  ].join('\n\n');
}
