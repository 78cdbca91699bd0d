import { DEFAULT_REDACTED_QUERY_PARAMS } from '../src';
import { redactUrl } from '../src/redact-url';

const defaults = new Set(DEFAULT_REDACTED_QUERY_PARAMS);
const redact = (url: string) => redactUrl(new URL(url), defaults);

describe('redactUrl (url.full)', () => {
  it('leaves a URL without credentials or sensitive parameters as it is', () => {
    expect(redact('https://example.com:8443/a/b?x=1#top')).toBe(
      'https://example.com:8443/a/b?x=1#top',
    );
  });

  it('replaces user and password with REDACTED:REDACTED', () => {
    expect(redact('https://user:pw@example.com/x')).toBe('https://REDACTED:REDACTED@example.com/x');
  });

  it('replaces a user name alone the same way', () => {
    expect(redact('https://token@example.com/')).toBe('https://REDACTED:REDACTED@example.com/');
  });

  it('redacts sensitive query values and credentials together, keeping path and fragment', () => {
    expect(redact('http://u:p@h:81/p?sig=s&a=b#f')).toBe(
      'http://REDACTED:REDACTED@h:81/p?sig=REDACTED&a=b#f',
    );
  });

  it('keeps an empty query as given', () => {
    expect(redact('https://example.com/?')).toBe('https://example.com/?');
  });

  it('uses the given parameter list', () => {
    expect(redactUrl(new URL('https://h/?token=1&sig=2'), new Set(['token']))).toBe(
      'https://h/?token=REDACTED&sig=2',
    );
  });

  it('leaves a URL without an authority as it is', () => {
    expect(redact('data:text/plain,sig=1')).toBe('data:text/plain,sig=1');
  });
});
