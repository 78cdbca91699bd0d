import { DEFAULT_REDACTED_QUERY_PARAMS, REDACTED, redactQuery, redactUrl } from '../src/redact';

const defaults: ReadonlySet<string> = new Set(DEFAULT_REDACTED_QUERY_PARAMS);

describe('redactQuery with the default list', () => {
  it('holds exactly the parameters the semantic conventions name', () => {
    expect([...DEFAULT_REDACTED_QUERY_PARAMS].sort()).toEqual(
      [
        'AWSAccessKeyId',
        'Signature',
        'sig',
        'X-Goog-Signature',
        'X-Amz-Signature',
        'X-Amz-Credential',
        'X-Amz-Security-Token',
      ].sort(),
    );
  });

  it('uses REDACTED as the replacement value', () => {
    expect(REDACTED).toBe('REDACTED');
  });

  it.each(DEFAULT_REDACTED_QUERY_PARAMS.map((key) => [key]))(
    'redacts %s as the only parameter',
    (key) => {
      expect(redactQuery(`${key}=secret`, defaults)).toBe(`${key}=REDACTED`);
    },
  );

  it.each(DEFAULT_REDACTED_QUERY_PARAMS.map((key) => [key]))(
    'redacts %s between other parameters',
    (key) => {
      expect(redactQuery(`a=1&${key}=secret&b=2`, defaults)).toBe(`a=1&${key}=REDACTED&b=2`);
    },
  );

  it.each(DEFAULT_REDACTED_QUERY_PARAMS.map((key) => [key]))(
    'redacts %s as the last parameter',
    (key) => {
      expect(redactQuery(`a=1&${key}=secret`, defaults)).toBe(`a=1&${key}=REDACTED`);
    },
  );

  it('redacts every occurrence of a repeated key', () => {
    expect(redactQuery('sig=one&a=1&sig=two', defaults)).toBe('sig=REDACTED&a=1&sig=REDACTED');
  });

  it('redacts several different sensitive keys in one query', () => {
    expect(
      redactQuery(
        'X-Amz-Credential=AKIA%2F20250101&X-Amz-Date=20250101T000000Z&X-Amz-Signature=abc123',
        defaults,
      ),
    ).toBe('X-Amz-Credential=REDACTED&X-Amz-Date=20250101T000000Z&X-Amz-Signature=REDACTED');
  });

  it('redacts a percent-encoded key and keeps the key as it was sent', () => {
    expect(redactQuery('X%2DAmz%2DSignature=abc&a=1', defaults)).toBe(
      'X%2DAmz%2DSignature=REDACTED&a=1',
    );
  });

  it('matches keys case-sensitively: a lower-case signature is kept', () => {
    expect(redactQuery('signature=abc', defaults)).toBe('signature=abc');
  });

  it('does not redact a key that only contains a sensitive name', () => {
    expect(redactQuery('sigma=1&mySignature=2', defaults)).toBe('sigma=1&mySignature=2');
  });

  it('does not redact a sensitive name that appears only as a value', () => {
    expect(redactQuery('field=Signature', defaults)).toBe('field=Signature');
  });

  it('gives a sensitive key sent without = the value REDACTED', () => {
    expect(redactQuery('Signature&a=1', defaults)).toBe('Signature=REDACTED&a=1');
  });

  it('keeps a harmless key sent without = as it is', () => {
    expect(redactQuery('flag&sig=abc', defaults)).toBe('flag&sig=REDACTED');
  });

  it('redacts an empty value', () => {
    expect(redactQuery('sig=&a=1', defaults)).toBe('sig=REDACTED&a=1');
  });

  it('replaces the whole value when it contains =', () => {
    expect(redactQuery('Signature=ab==&a=1', defaults)).toBe('Signature=REDACTED&a=1');
  });

  it('keeps empty pairs around a redacted one', () => {
    expect(redactQuery('&&sig=abc&', defaults)).toBe('&&sig=REDACTED&');
  });

  it('returns a query without sensitive keys unchanged', () => {
    const query = 'page=2&sort=name';
    expect(redactQuery(query, defaults)).toBe(query);
  });

  it('returns a query with percent-encoding but no sensitive key unchanged', () => {
    const query = 'q=caf%C3%A9+au+lait&sig%20x=1';
    expect(redactQuery(query, defaults)).toBe(query);
  });

  it('returns an empty query unchanged', () => {
    expect(redactQuery('', defaults)).toBe('');
  });

  it('keeps a key with malformed percent-encoding as it is, without throwing', () => {
    expect(redactQuery('%E0%A4%A=1&sig=abc', defaults)).toBe('%E0%A4%A=1&sig=REDACTED');
  });

  it('redacts nothing with an empty list', () => {
    expect(redactQuery('sig=abc&Signature=def', new Set())).toBe('sig=abc&Signature=def');
  });

  it('redacts only the keys of a custom list', () => {
    expect(redactQuery('token=abc&sig=def', new Set(['token']))).toBe('token=REDACTED&sig=def');
  });
});

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
