import { HTTP_REQUEST_METHOD_VALUE_OTHER } from '@opentelemetry/semantic-conventions';
import { formatPath, spanNameFor } from '../src/span-name';

describe('spanNameFor', () => {
  it('joins the method and the route template', () => {
    expect(spanNameFor('GET', '/users/:id')).toBe('GET /users/:id');
  });

  it('is the method alone when no route is known', () => {
    expect(spanNameFor('POST', undefined)).toBe('POST');
  });

  it('is the method alone when the route is empty', () => {
    expect(spanNameFor('DELETE', '')).toBe('DELETE');
  });

  it('uses HTTP in place of _OTHER', () => {
    expect(spanNameFor(HTTP_REQUEST_METHOD_VALUE_OTHER, undefined)).toBe('HTTP');
  });

  it('uses HTTP in place of _OTHER before a route', () => {
    expect(spanNameFor(HTTP_REQUEST_METHOD_VALUE_OTHER, '/cache/:key')).toBe('HTTP /cache/:key');
  });

  it('keeps a custom known method as it is', () => {
    expect(spanNameFor('PURGE', '/cache/:key')).toBe('PURGE /cache/:key');
  });
});

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
