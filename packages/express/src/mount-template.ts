import { formatPath, type RoutePath } from '@otelware/core/adapter';
import type { Layer } from './express-internals';

/**
 * How much of a concrete path a mount layer consumed, and the template it was
 * registered with, ready to prefix a route (no trailing slash on string paths).
 */
export interface MountMatch {
  readonly consumed: number;
  readonly template: string;
}

/** A mount prefix without its trailing slash; `/` itself becomes the empty prefix. */
function trimTrailingSlash(prefix: string): string {
  return prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
}

/** A mount path as a prefix template: a string without its trailing slash, anything else as formatPath. */
export function formatMount(path: RoutePath): string {
  return typeof path === 'string' ? trimTrailingSlash(path) : formatPath(path);
}

const withIndices = new WeakMap<RegExp, RegExp>();
const COMPILED_MOUNT_END = '(?=\\/|$)';

function indexedCopy(regexp: RegExp): RegExp {
  let copy = withIndices.get(regexp);
  if (copy === undefined) {
    copy = new RegExp(regexp.source, regexp.flags.replace(/[gy]/g, '') + 'd');
    withIndices.set(regexp, copy);
  }
  return copy;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Express 4 compiles `use()` paths with path-to-regexp 0.1 and keeps only the
 * RegExp and the parameter names. Matching with indices (`d` flag) tells exactly
 * where each parameter sits in the concrete path, so `/orgs/42` becomes `/orgs/:orgId`.
 */
function express4Match(
  layer: Layer,
  regexp: NonNullable<Layer['regexp']>,
  path: string,
): MountMatch | undefined {
  if (regexp.fast_slash) return { consumed: 0, template: '' };
  if (regexp.fast_star) return { consumed: path.length, template: '/*' };
  const match = indexedCopy(regexp).exec(path);
  if (match === null) return undefined;
  // mount paths compile to `…(?=\/|$)`; anything else is a RegExp the app mounted as it is
  if (!regexp.source.endsWith(COMPILED_MOUNT_END)) {
    return { consumed: match[0].length, template: formatPath(regexp) };
  }
  const keys = layer.keys ?? [];
  let template = match[0];
  const indices = match.indices;
  if (indices === undefined || indices.length - 1 !== keys.length) {
    return { consumed: match[0].length, template: trimTrailingSlash(template) };
  }
  for (let group = indices.length - 1; group >= 1; group--) {
    const span = indices[group];
    const key = keys[group - 1];
    if (span === undefined || key === undefined) continue;
    const name = typeof key.name === 'number' ? '*' : `:${key.name}${key.optional ? '?' : ''}`;
    template = template.slice(0, span[0]) + name + template.slice(span[1]);
  }
  return {
    consumed: match[0].length,
    template: trimTrailingSlash(keys.length === 0 ? (literalOf(regexp) ?? template) : template),
  };
}

/** The literal a parameterless Express 4 mount was registered with (keeps its case). */
function literalOf(regexp: RegExp): string | undefined {
  const run = /^\^((?:\\.|[^\\()[\]?*+{}|^$.])*)/.exec(regexp.source)?.[1];
  if (run === undefined) return undefined;
  const literal = run.replace(/\\(.)/g, '$1').replace(/\/$/, '');
  return regexp.test(literal) ? literal : undefined;
}

type Matcher = NonNullable<Layer['matchers']>[number];

/** Whether segment `index` of `matched` is where `matcher` reads parameter `name` from. */
function isParameterAt(
  matcher: Matcher,
  segments: readonly string[],
  index: number,
  name: string,
): boolean {
  const probe = `otelware-probe-${index}`;
  const probed = segments.map((segment, i) => (i === index ? probe : segment)).join('/');
  const result = matcher(probed);
  return result !== false && result.params[name] === probe;
}

/**
 * Express 5 before router 2.3 keeps neither the path nor a RegExp, only matcher
 * closures. Their result (matched path and decoded parameters) gives the template
 * back when each parameter fills whole path segments, which is the usual case;
 * where a value also appears as a literal segment, the matcher itself is asked
 * which segment holds the parameter.
 */
function templateFromParams(
  matcher: Matcher,
  matched: string,
  params: Record<string, unknown>,
): string {
  const segments = matched.split('/');
  // one entry per concrete segment; `undefined` where a wildcard swallowed it
  const template: Array<string | undefined> = [...segments];
  for (const [name, value] of Object.entries(params)) {
    if (Array.isArray(value)) {
      const start = segments.findIndex(
        (_, i) =>
          i > 0 &&
          value.every((part, offset) => safeDecode(segments[i + offset] ?? '') === String(part)),
      );
      if (start === -1) continue;
      template.fill(undefined, start, start + value.length);
      template[start] = `*${name}`;
      continue;
    }
    const candidates = segments.flatMap((segment, i) =>
      i > 0 && safeDecode(segment) === value ? [i] : [],
    );
    const index =
      candidates.length === 1
        ? candidates[0]
        : candidates.find((i) => isParameterAt(matcher, segments, i, name));
    if (index !== undefined) template[index] = `:${name}`;
  }
  return template.filter((segment) => segment !== undefined).join('/');
}

function express5Match(
  layer: Layer,
  matchers: NonNullable<Layer['matchers']>,
  path: string,
): MountMatch | undefined {
  if (layer.slash === true) return { consumed: 0, template: '' };
  for (let i = 0; i < matchers.length; i++) {
    const result = matchers[i]?.(path);
    if (!result) continue;
    const raw = layer.rawPath;
    const template =
      raw === undefined
        ? trimTrailingSlash(templateFromParams(matchers[i] as Matcher, result.path, result.params))
        : formatMount(Array.isArray(raw) ? (raw[i] as RoutePath) : (raw as RoutePath));
    return { consumed: result.path.length, template };
  }
  return undefined;
}

/**
 * Matches a `use()` layer (a mounted router) against the concrete path left at its
 * level and returns what it consumed and the template it was registered with.
 */
export function matchMount(layer: Layer, path: string): MountMatch | undefined {
  if (layer.matchers !== undefined) return express5Match(layer, layer.matchers, path);
  if (layer.regexp !== undefined) return express4Match(layer, layer.regexp, path);
  return undefined;
}
