// What `url.query` (server spans) and `url.full` (client spans) must not carry:
// credentials and the values of signing parameters (semantic conventions, HTTP spans).

/** Query parameters whose values are replaced by `REDACTED` unless the user says otherwise. */
export const DEFAULT_REDACTED_QUERY_PARAMS: readonly string[] = [
  'AWSAccessKeyId',
  'Signature',
  'sig',
  'X-Goog-Signature',
  'X-Amz-Signature',
  'X-Amz-Credential',
  'X-Amz-Security-Token',
];

export const REDACTED = 'REDACTED';

function decodeKey(key: string): string {
  if (!key.includes('%') && !key.includes('+')) return key;
  try {
    return decodeURIComponent(key.replace(/\+/g, ' '));
  } catch {
    return key;
  }
}

function mayContainSensitiveKey(query: string, names: ReadonlySet<string>): boolean {
  if (query.includes('%') || query.includes('+')) return true;
  for (const name of names) if (query.includes(name)) return true;
  return false;
}

/**
 * Replaces the value of every query parameter named in `names` (matched
 * case-sensitively on the decoded key, at any position and any number of times)
 * with `REDACTED`, keeping keys and the rest of the query as they were.
 * `query` is the part after `?`.
 */
export function redactQuery(query: string, names: ReadonlySet<string>): string {
  if (names.size === 0 || !mayContainSensitiveKey(query, names)) return query;
  const pairs = query.split('&');
  let changed = false;
  for (let i = 0; i < pairs.length; i++) {
    const pair = pairs[i] as string;
    const equals = pair.indexOf('=');
    const key = equals === -1 ? pair : pair.slice(0, equals);
    if (names.has(decodeKey(key))) {
      pairs[i] = `${key}=${REDACTED}`;
      changed = true;
    }
  }
  return changed ? pairs.join('&') : query;
}

/**
 * `url` as `url.full` records it: credentials become `REDACTED:REDACTED` and the
 * values of the named query parameters `REDACTED`; everything else as it was.
 */
export function redactUrl(url: URL, redactedParams: ReadonlySet<string>): string {
  const { username, password, search } = url;
  const query = search.length > 1 ? search.slice(1) : '';
  const redactedQuery = query === '' ? query : redactQuery(query, redactedParams);
  if (username === '' && password === '' && redactedQuery === query) return url.href;
  if (url.host === '') return url.href; // no authority (data:, blob:): nothing to hide there
  const credentials = username === '' && password === '' ? '' : `${REDACTED}:${REDACTED}@`;
  const searchPart = redactedQuery === '' ? search : `?${redactedQuery}`;
  return `${url.protocol}//${credentials}${url.host}${url.pathname}${searchPart}${url.hash}`;
}
