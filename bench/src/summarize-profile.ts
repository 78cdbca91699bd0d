import { readFileSync } from 'node:fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: {
    readonly functionName: string;
    readonly url: string;
    readonly lineNumber: number;
  };
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
}

/** Where a function lives, coarsely: whose cost it is. */
const AREAS: ReadonlyArray<readonly [area: string, test: (url: string) => boolean]> = [
  ['otelware core', (url) => url.includes('/packages/core/')],
  ['otelware adapter', (url) => /\/packages\/(express|koa|fastify|fetch)\//.test(url)],
  [
    'OTel context (AsyncLocalStorage)',
    (url) =>
      url.includes('context-async-hooks') ||
      url.includes('async_hooks') ||
      url.includes('async_local_storage'),
  ],
  [
    'OTel SDK',
    (url) =>
      url.includes('@opentelemetry/sdk-') ||
      url.includes('@opentelemetry/core') ||
      url.includes('@opentelemetry/resources'),
  ],
  ['OTel API', (url) => url.includes('@opentelemetry/api')],
  [
    'framework',
    (url) =>
      /node_modules\/(\.pnpm\/)?(express|koa|@koa|fastify|router|find-my-way|light-my-request|avvio|body-parser|raw-body|on-finished)/.test(
        url,
      ),
  ],
  ['node internals', (url) => url.startsWith('node:')],
  ['other JS', (url) => url !== ''],
];

function areaOf(url: string, name: string): string {
  if (url === '')
    return name === '(garbage collector)' ? 'GC' : 'native code (writev, (program), …)';
  return AREAS.find(([, test]) => test(url))?.[0] ?? 'other JS';
}

function shortUrl(url: string): string {
  const at = url.lastIndexOf('node_modules/');
  if (at !== -1)
    return url.slice(at + 'node_modules/'.length).replace(/^\.pnpm\/[^/]+\/node_modules\//, '');
  const packages = url.indexOf('/packages/');
  return packages !== -1 ? url.slice(packages + 1) : url;
}

/**
 * Self time of a `--cpu-prof` profile, idle left out: the share of each area
 * (otelware, OTel SDK, context manager, framework, node) and the top functions.
 */
export function summarizeProfile(file: string, top = 25): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const hits = new Map<number, number>();
  for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
  const byArea = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busy = 0;
  for (const [id, count] of hits) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === '(idle)') continue;
    busy += count;
    const area = areaOf(url, functionName);
    byArea.set(area, (byArea.get(area) ?? 0) + count);
    const key = `${functionName || '(anonymous)'} ${url ? `${shortUrl(url)}:${lineNumber + 1}` : ''}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + count);
  }
  const percent = (count: number): string => `${((100 * count) / busy).toFixed(1).padStart(5)}%`;
  const sorted = (map: Map<string, number>): [string, number][] =>
    [...map].sort((a, b) => b[1] - a[1]);
  return [
    'self time by area (idle excluded):',
    ...sorted(byArea).map(([area, count]) => `  ${percent(count)}  ${area}`),
    `top ${top} functions by self time:`,
    ...sorted(byFunction)
      .slice(0, top)
      .map(([name, count]) => `  ${percent(count)}  ${name}`),
  ].join('\n');
}
