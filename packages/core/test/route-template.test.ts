import { formatPath } from '../src/route-template';

describe('formatPath', () => {
  it('keeps a string path as written', () => {
    expect(formatPath('/users/:id')).toBe('/users/:id');
  });

  it('writes a RegExp path as its source literal', () => {
    expect(formatPath(/^\/files\/.*$/i)).toBe('/^\\/files\\/.*$/i');
  });

  it('writes an array of paths as [a,b], nested arrays and RegExps included', () => {
    expect(formatPath(['/a/:id', ['/b', /^\/c$/]])).toBe('[/a/:id,[/b,/^\\/c$/]]');
  });
});
