/**
 * Names of the stable HTTP semantic-convention attributes that otelware records.
 * Kept here rather than imported from `@opentelemetry/semantic-conventions` so the
 * packages depend on `@opentelemetry/api` alone at runtime.
 */
export const ATTR_HTTP_REQUEST_METHOD = 'http.request.method';
export const ATTR_HTTP_REQUEST_METHOD_ORIGINAL = 'http.request.method_original';
export const ATTR_HTTP_RESPONSE_STATUS_CODE = 'http.response.status_code';
export const ATTR_HTTP_ROUTE = 'http.route';
export const ATTR_URL_FULL = 'url.full';
export const ATTR_URL_PATH = 'url.path';
export const ATTR_URL_QUERY = 'url.query';
export const ATTR_URL_SCHEME = 'url.scheme';
export const ATTR_SERVER_ADDRESS = 'server.address';
export const ATTR_SERVER_PORT = 'server.port';
export const ATTR_CLIENT_ADDRESS = 'client.address';
export const ATTR_USER_AGENT_ORIGINAL = 'user_agent.original';
export const ATTR_NETWORK_PROTOCOL_VERSION = 'network.protocol.version';
export const ATTR_ERROR_TYPE = 'error.type';

/** Set to `true` when the client went away before the response finished. */
export const ATTR_OTELWARE_ABORTED = 'otelware.request.aborted';

/** The `error.type` fallback for a thrown value that has no type name. */
export const ERROR_TYPE_OTHER = '_OTHER';

/** The `exception` span event's attributes (semantic conventions, exceptions on spans). */
export const ATTR_EXCEPTION_TYPE = 'exception.type';
export const ATTR_EXCEPTION_MESSAGE = 'exception.message';
export const ATTR_EXCEPTION_STACKTRACE = 'exception.stacktrace';

/**
 * The longest string otelware records from what a request or call brings (URL
 * parts, header values, addresses, the method as sent), in UTF-16 code units.
 * 8 KiB keeps every real URL and header whole (servers refuse longer request
 * lines by default) while a hostile 1 MB path or header costs a span 8 KiB, not 1 MB.
 */
export const MAX_ATTRIBUTE_LENGTH = 8192;

/** `value` cut to `MAX_ATTRIBUTE_LENGTH`, never splitting a surrogate pair. */
export function capLength(value: string): string {
  if (value.length <= MAX_ATTRIBUTE_LENGTH) return value;
  const last = value.charCodeAt(MAX_ATTRIBUTE_LENGTH - 1);
  const isHighSurrogate = last >= 0xd800 && last <= 0xdbff;
  return value.slice(0, isHighSurrogate ? MAX_ATTRIBUTE_LENGTH - 1 : MAX_ATTRIBUTE_LENGTH);
}
