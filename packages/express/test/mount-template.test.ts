import path from 'node:path';
import { matchMount } from '../src/mount-template';
import type { Layer } from '../src/express-internals';

// Real Layer classes of each router generation, as `app.use(path, router)` creates them.
type LayerClass = new (path: unknown, options: object, fn: () => void) => Layer;
const fromPackage = (pkg: string, file: string, from = __dirname): LayerClass =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(path.join(path.dirname(require.resolve(`${pkg}/package.json`, { paths: [from] })), file));

const express4Layer = fromPackage('express4', 'lib/router/layer.js');
const router22Layer = fromPackage('router-2.2', 'lib/layer.js');
const express5Dir = path.dirname(require.resolve('express/package.json', { paths: [__dirname] }));
const router23Layer = fromPackage('router', 'lib/layer.js', express5Dir);

const generations = [
  { name: 'Express 4 (path-to-regexp 0.1)', Layer: express4Layer, keepsCase: true },
  // only the matched text is left to read: a literal's case is the request's (documented)
  { name: 'Express 5 with router 2.2 (matchers only)', Layer: router22Layer, keepsCase: false },
  { name: 'Express 5 with router 2.3+ (rawPath)', Layer: router23Layer, keepsCase: true },
];

const mount = (Layer: LayerClass, registered: string) =>
  new Layer(registered, { sensitive: false, strict: false, end: false }, () => undefined);

describe.each(generations)('mount templates from $name layers', ({ Layer, keepsCase }) => {
  it('turns the concrete parameter values back into the registered template', () => {
    expect(matchMount(mount(Layer, '/orgs/:orgId'), '/orgs/acme')).toEqual({
      consumed: '/orgs/acme'.length,
      template: '/orgs/:orgId',
    });
  });

  it('finds the parameter when its value equals a literal segment', () => {
    expect(matchMount(mount(Layer, '/orgs/:orgId'), '/orgs/orgs')?.template).toBe('/orgs/:orgId');
    expect(matchMount(mount(Layer, '/t/:tenant/v/:version'), '/t/v/v/t')?.template).toBe(
      '/t/:tenant/v/:version',
    );
  });

  it('consumes only the prefix it matched', () => {
    expect(matchMount(mount(Layer, '/api'), '/api/users')).toEqual({
      consumed: 4,
      template: '/api',
    });
  });

  it(`${keepsCase ? 'keeps' : 'cannot keep'} the registered case of a literal mount path`, () => {
    expect(matchMount(mount(Layer, '/Api'), '/API')?.template).toBe(keepsCase ? '/Api' : '/API');
  });

  it('consumes nothing for a mount at the root', () => {
    expect(matchMount(mount(Layer, '/'), '/anything')).toEqual({ consumed: 0, template: '' });
  });

  it('does not match a path outside the mount', () => {
    expect(matchMount(mount(Layer, '/api'), '/apis')).toBeUndefined();
  });
});
