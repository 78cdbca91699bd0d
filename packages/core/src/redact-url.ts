import { REDACTED, redactQuery } from './redact-query';

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
