import type { RoutePath } from '@otelware/core/adapter';
import path from 'node:path';
import type { Layer } from '../src/express-internals';
import { matchedPathElement } from '../src/matched-path-element';

// Real route Layer classes of each router generation, as `app.get([...paths])` creates them.
type LayerClass = new (path: unknown, options: object, fn: () => void) => Layer;
const fromPackage = (pkg: string, file: string, from = __dirname): LayerClass =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(path.join(path.dirname(require.resolve(`${pkg}/package.json`, { paths: [from] })), file));

const express5Dir = path.dirname(require.resolve('express/package.json', { paths: [__dirname] }));
const generations = [
  // one RegExp for the whole array (path-to-regexp 0.1)
  { name: 'Express 4', Layer: fromPackage('express4', 'lib/router/layer.js') },
  // one matcher per element, no registered path kept
  { name: 'Express 5 with router 2.2', Layer: fromPackage('router-2.2', 'lib/layer.js') },
  // one matcher per element of the flattened array, kept as rawPath
  { name: 'Express 5 with router 2.3+', Layer: fromPackage('router', 'lib/layer.js', express5Dir) },
];

describe.each(generations)('the matched element of an array of paths, $name', ({ Layer }) => {
  const elementFor = (
    paths: RoutePath[],
    concrete: string | undefined,
    sensitive = false,
    strict = false,
  ) =>
    matchedPathElement(
      new Layer(paths, { sensitive, strict, end: true }, () => undefined),
      paths,
      concrete,
    );

  it('is the element that matches the path', () => {
    expect(elementFor(['/a/:id', '/b/:id'], '/b/7')).toEqual({ index: 1, element: '/b/:id' });
    expect(elementFor(['/a/:id', '/b/:id'], '/a/7')).toEqual({ index: 0, element: '/a/:id' });
  });

  it('is the first element that matches when several do', () => {
    expect(elementFor(['/x', '/:any/:id', '/:other/:id'], '/b/7')).toEqual({
      index: 1,
      element: '/:any/:id',
    });
  });

  it('is the first element when no element matches the path, or the path is unknown', () => {
    expect(elementFor(['/a/:id', '/b/:id'], '/c/7')).toEqual({ index: 0, element: '/a/:id' });
    expect(elementFor(['/a/:id', '/b/:id'], undefined)).toEqual({ index: 0, element: '/a/:id' });
  });

  it('matches a RegExp element', () => {
    const archive = /^\/archive\/\d+\/?$/i;
    expect(elementFor(['/files/:name', archive], '/archive/12')).toEqual({
      index: 1,
      element: archive,
    });
  });

  it('matches with the case sensitivity the route was compiled with', () => {
    expect(elementFor(['/Photos', '/:any'], '/photos', true)).toEqual({
      index: 1,
      element: '/:any',
    });
    expect(elementFor(['/Photos', '/:any'], '/photos', false)).toEqual({
      index: 0,
      element: '/Photos',
    });
  });

  it('matches with the strictness the route was compiled with', () => {
    expect(elementFor(['/a/', '/:any'], '/a', false, true)).toEqual({ index: 1, element: '/:any' });
    expect(elementFor(['/a/', '/:any'], '/a', false, false)).toEqual({ index: 0, element: '/a/' });
  });
});
