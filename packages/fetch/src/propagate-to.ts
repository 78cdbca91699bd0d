import { DEFAULT_REDACTED_QUERY_PARAMS } from '@otelware/core';
import { callSafely, optionError } from '@otelware/core/adapter';
import type { PropagateTo } from './types';

/**
 * True when the URL is signed through its query (S3/GCS presigned URLs, Azure
 * SAS): such a request must go out exactly as signed, without added headers.
 */
function isSignedUrl(url: URL): boolean {
  if (url.search.length <= 1) return false;
  const { searchParams } = url;
  for (const name of DEFAULT_REDACTED_QUERY_PARAMS) if (searchParams.has(name)) return true;
  return false;
}

function originOf(entry: string): string {
  let origin: string;
  try {
    origin = new URL(entry).origin;
  } catch {
    optionError(
      `option "propagateTo": "${entry}" is not an origin such as "https://api.example.com"`,
    );
  }
  if (origin === 'null') optionError(`option "propagateTo": "${entry}" has no origin`);
  return origin;
}

function listFilter(entries: ReadonlyArray<string | RegExp>): (url: URL) => boolean {
  const origins = new Set<string>();
  const patterns: RegExp[] = [];
  for (const entry of entries) {
    if (typeof entry === 'string') origins.add(originOf(entry));
    else if (entry instanceof RegExp) patterns.push(entry);
    else optionError('option "propagateTo" must list origin strings and RegExps');
  }
  return (url) => {
    if (origins.has(url.origin)) return true;
    for (const pattern of patterns) {
      pattern.lastIndex = 0; // a /g or /y pattern must not remember the last call
      if (pattern.test(url.href)) return true;
    }
    return false;
  };
}

/**
 * Compiles the `propagateTo` option, once, into the test run for each call.
 * The default propagates to every destination except signed URLs.
 */
export function destinationFilter(option: PropagateTo | undefined): (url: URL) => boolean {
  if (option === undefined) return (url) => !isSignedUrl(url);
  if (typeof option === 'function') {
    return (url) => callSafely('the propagateTo option', option, url) === true;
  }
  if (!Array.isArray(option)) {
    optionError('option "propagateTo" must be an array of origins and RegExps, or a function');
  }
  return listFilter(option);
}
