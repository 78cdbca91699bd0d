import type { Attributes } from '@opentelemetry/api';
import {
  ATTR_CLIENT_ADDRESS,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_REQUEST_METHOD_ORIGINAL,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_URL_PATH,
  ATTR_URL_QUERY,
  ATTR_URL_SCHEME,
  ATTR_USER_AGENT_ORIGINAL,
  capLength,
} from './attributes';
import { captureRequestHeaders, type HeaderCapture } from './capture-headers';
import { firstListEntry, nodeAddress, parseForwarded, parseHost } from './forwarded';
import { OTHER_METHOD } from './known-methods';
import { redactQuery } from './redact';
import type { HttpHeaders, HttpRequest } from './types';

/** What the attribute builder needs from the resolved options. */
export interface RequestAttributeConfig {
  readonly redactQueryParams: ReadonlySet<string>;
  readonly requestHeaders: HeaderCapture;
}

function header(headers: HttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Where the authority of an absolute-form target (`http://host:port/path`) ends. */
function authorityEnd(target: string, from: number): number {
  for (let i = from; i < target.length; i++) {
    const char = target.charAt(i);
    if (char === '/' || char === '?' || char === '#') return i;
  }
  return target.length;
}

function setTarget(
  attributes: Attributes,
  target: string,
  config: RequestAttributeConfig,
): string | undefined {
  let pathStart = 0;
  let authority: string | undefined;
  if (target.charAt(0) !== '/') {
    const schemeEnd = target.indexOf('://');
    if (schemeEnd > 0) {
      pathStart = authorityEnd(target, schemeEnd + 3);
      authority = target.slice(schemeEnd + 3, pathStart);
      authority = authority.slice(authority.lastIndexOf('@') + 1); // never the userinfo
    }
  }
  const question = target.indexOf('?', pathStart);
  const path = target.slice(pathStart, question === -1 ? undefined : question);
  attributes[ATTR_URL_PATH] = path === '' ? '/' : capLength(path);
  if (question !== -1) {
    // redacted first, then cut: a cut never uncovers a value the full query would hide
    attributes[ATTR_URL_QUERY] = capLength(
      redactQuery(target.slice(question + 1), config.redactQueryParams),
    );
  }
  return authority;
}

/** `value` unless it is empty: an empty proxy header says nothing, so the next source counts. */
function nonEmpty(value: string | undefined): string | undefined {
  return value === '' ? undefined : value;
}

/**
 * The attributes a server span carries from its start, so samplers can use them:
 * method, URL parts, server and client addresses (proxy-header aware), user agent
 * and the allowed request headers.
 */
export function requestAttributes(
  request: HttpRequest,
  normalizedMethod: string,
  config: RequestAttributeConfig,
): Attributes {
  const attributes: Attributes = { [ATTR_HTTP_REQUEST_METHOD]: normalizedMethod };
  if (normalizedMethod === OTHER_METHOD) {
    attributes[ATTR_HTTP_REQUEST_METHOD_ORIGINAL] = capLength(String(request.method));
  }
  const authority = setTarget(attributes, request.url ?? '/', config);

  const headers = request.headers;
  const forwardedHeader = header(headers, 'forwarded');
  const forwarded = forwardedHeader === undefined ? undefined : parseForwarded(forwardedHeader);

  const scheme = (
    nonEmpty(forwarded?.proto) ??
    firstListEntry(header(headers, 'x-forwarded-proto')) ??
    (request.socket?.encrypted === true ? 'https' : 'http')
  ).toLowerCase();
  attributes[ATTR_URL_SCHEME] = capLength(scheme);

  // an absolute-form target's authority overrides Host (RFC 9112, section 3.2.2)
  const host =
    nonEmpty(forwarded?.host) ??
    firstListEntry(header(headers, 'x-forwarded-host')) ??
    nonEmpty(authority) ??
    nonEmpty(header(headers, ':authority')) ??
    nonEmpty(header(headers, 'host'));
  if (host !== undefined) {
    const { address, port } = parseHost(host);
    attributes[ATTR_SERVER_ADDRESS] = capLength(address);
    attributes[ATTR_SERVER_PORT] = port ?? (scheme === 'https' ? 443 : 80);
  }

  const client =
    nodeAddress(forwarded?.for) ??
    nodeAddress(firstListEntry(header(headers, 'x-forwarded-for'))) ??
    request.socket?.remoteAddress;
  if (client !== undefined) attributes[ATTR_CLIENT_ADDRESS] = capLength(client);

  const userAgent = header(headers, 'user-agent');
  if (userAgent !== undefined) attributes[ATTR_USER_AGENT_ORIGINAL] = capLength(userAgent);

  captureRequestHeaders(attributes, request, config.requestHeaders);
  return attributes;
}
