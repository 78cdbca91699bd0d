import { Readable } from 'node:stream';

/**
 * A response body that sends `first chunk\n`, then fails 20 ms later, as a file
 * read or an upstream response can: the headers and a chunk are out when it errors.
 */
export function failingBody(): Readable {
  const body = new Readable({ read: () => undefined });
  body.push('first chunk\n');
  setTimeout(() => body.destroy(new Error('upstream went away')), 20);
  return body;
}
