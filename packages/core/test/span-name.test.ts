import { HTTP_REQUEST_METHOD_VALUE_OTHER } from '@opentelemetry/semantic-conventions';
import { spanNameFor } from '../src/span-name';

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
