import type { RoutePath } from '@otelware/core/adapter';
import type { Layer } from './express-internals';

/** Whether one registered path matches a path relative to its router. */
type ElementTest = (path: string) => boolean;

/** The elements of an array of paths, each with a test that matches like Express does. */
interface PathElements {
  readonly elements: readonly RoutePath[];
  readonly tests: readonly ElementTest[];
}

type LayerConstructor = new (path: RoutePath, options: object, fn: () => void) => Layer;

const elementsByLayer = new WeakMap<Layer, PathElements>();

function noop(): void {}

function flatten(path: RoutePath): RoutePath[] {
  return Array.isArray(path) ? path.flatMap(flatten) : [path as string | RegExp];
}

/**
 * Express 5 (router 2.x) keeps one matcher per registered path on the route's
 * layer, in the order given: flattened in router 2.3+ (`rawPath`), as given in 2.2.
 */
function express5Elements(layer: Layer, path: readonly RoutePath[]): PathElements | undefined {
  const { matchers } = layer;
  if (matchers === undefined) return undefined;
  const elements = Array.isArray(layer.rawPath) ? (layer.rawPath as RoutePath[]) : path;
  if (matchers.length !== elements.length) return undefined;
  const tests = matchers.map((matcher) => (concrete: string) => {
    try {
      return matcher(concrete) !== false;
    } catch {
      return false; // a %-escape the matcher cannot decode: Express would not have matched it
    }
  });
  return { elements, tests };
}

function express4Layers(
  Layer: LayerConstructor,
  elements: readonly RoutePath[],
  sensitive: boolean,
  strict: boolean,
): Layer[] {
  return elements.map((element) => new Layer(element, { sensitive, strict, end: true }, noop));
}

/**
 * Express 4 compiles an array into one RegExp, the elements' sources joined by
 * `|` (path-to-regexp 0.1), which cannot tell which element matched. Each
 * element is compiled again with the layer's own constructor; the options are
 * the ones whose sources join back into exactly the route's RegExp.
 */
function express4Elements(layer: Layer, path: readonly RoutePath[]): PathElements | undefined {
  const { regexp } = layer;
  if (regexp === undefined || typeof layer.constructor !== 'function') return undefined;
  const Layer = layer.constructor as LayerConstructor;
  const elements = flatten(path);
  const sensitive = !regexp.flags.includes('i');
  let layers = express4Layers(Layer, elements, sensitive, false);
  const joined = (candidates: Layer[]) =>
    candidates.map((candidate) => candidate.regexp?.source).join('|');
  if (joined(layers) !== regexp.source) {
    const strictLayers = express4Layers(Layer, elements, sensitive, true);
    if (joined(strictLayers) === regexp.source) layers = strictLayers;
  }
  const tests = layers.map(
    ({ regexp: own }) =>
      (concrete: string) =>
        own !== undefined && (own.fast_star === true || own.test(concrete)),
  );
  return { elements, tests };
}

function elementsOf(layer: Layer, path: readonly RoutePath[]): PathElements | undefined {
  let found = elementsByLayer.get(layer);
  if (found === undefined) {
    found = express5Elements(layer, path) ?? express4Elements(layer, path);
    if (found !== undefined) elementsByLayer.set(layer, found);
  }
  return found;
}

/** One element of an array of paths, and its place among the (flattened) elements. */
export interface PathElement {
  readonly index: number;
  readonly element: RoutePath;
}

/**
 * The element of a route registered with an array of paths (`app.get(['/a/:id',
 * '/b/:id'])`) that matches `concrete`, the request path relative to the route's
 * router: the first one that matches, as Express tries them in order. The first
 * element when the path is not known or nothing can be told apart.
 */
export function matchedPathElement(
  layer: Layer | undefined,
  path: readonly RoutePath[],
  concrete: string | undefined,
): PathElement {
  const found = layer === undefined ? undefined : elementsOf(layer, path);
  const elements = found?.elements ?? flatten(path);
  if (found !== undefined && concrete !== undefined) {
    const index = found.tests.findIndex((test) => test(concrete));
    if (index !== -1) return { index, element: elements[index] as RoutePath };
  }
  return { index: 0, element: elements[0] ?? '' };
}
