import type { Attributes } from '@opentelemetry/api';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_REQUEST_METHOD_ORIGINAL,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_URL_FULL,
  ATTR_URL_SCHEME,
  capLength,
} from './attributes';
import { OTHER_METHOD } from './known-methods';
import { redactUrl } from './redact';

const DEFAULT_PORTS: Readonly<Record<string, number>> = { 'http:': 80, 'https:': 443 };

/** The host as `server.address` wants it: IPv6 literals without their brackets. */
function hostAddress(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

/**
 * The attributes a client span carries from its start: method, `server.address`,
 * `server.port` (the scheme's default when the URL has none) and the redacted
 * `url.full`.
 */
export function clientRequestAttributes(
  method: string,
  normalizedMethod: string,
  url: URL,
  redactedParams: ReadonlySet<string>,
): Attributes {
  const attributes: Attributes = { [ATTR_HTTP_REQUEST_METHOD]: normalizedMethod };
  if (normalizedMethod === OTHER_METHOD)
    attributes[ATTR_HTTP_REQUEST_METHOD_ORIGINAL] = capLength(method);
  if (url.hostname !== '') {
    attributes[ATTR_SERVER_ADDRESS] = capLength(hostAddress(url.hostname));
    const port = url.port === '' ? DEFAULT_PORTS[url.protocol] : Number(url.port);
    if (port !== undefined) attributes[ATTR_SERVER_PORT] = port;
  }
  attributes[ATTR_URL_FULL] = capLength(redactUrl(url, redactedParams)); // after redaction, as for url.query
  return attributes;
}

/**
 * The start attributes `http.client.request.duration` keeps: method, server
 * address and port, scheme; never the URL, so the metric stays low-cardinality.
 */
export function clientDurationAttributes(spanAttributes: Attributes, url: URL): Attributes {
  const attributes: Attributes = {
    [ATTR_HTTP_REQUEST_METHOD]: spanAttributes[ATTR_HTTP_REQUEST_METHOD],
    [ATTR_URL_SCHEME]: url.protocol.slice(0, -1),
  };
  const address = spanAttributes[ATTR_SERVER_ADDRESS];
  if (address !== undefined) attributes[ATTR_SERVER_ADDRESS] = address;
  const port = spanAttributes[ATTR_SERVER_PORT];
  if (port !== undefined) attributes[ATTR_SERVER_PORT] = port;
  return attributes;
}
