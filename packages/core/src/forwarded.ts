/** The parameters otelware reads from the first element of a `Forwarded` header (RFC 7239). */
export interface ForwardedElement {
  for?: string;
  host?: string;
  proto?: string;
}

const OWS = /[ \t]/;

/**
 * Parses the first (client-most) element of a `Forwarded` header. Quoted values
 * are unquoted; unknown parameters are ignored; malformed input yields what could
 * be read, never an exception.
 */
export function parseForwarded(header: string): ForwardedElement {
  const element: ForwardedElement = {};
  let i = 0;
  while (i < header.length) {
    while (i < header.length && OWS.test(header.charAt(i))) i++;
    const nameStart = i;
    while (i < header.length && !'=;,'.includes(header.charAt(i))) i++;
    const name = header.slice(nameStart, i).trim().toLowerCase();
    let value = '';
    if (header.charAt(i) === '=') {
      i++;
      if (header.charAt(i) === '"') {
        i++;
        while (i < header.length && header.charAt(i) !== '"') {
          if (header.charAt(i) === '\\') i++;
          value += header.charAt(i);
          i++;
        }
        i++;
        while (i < header.length && !';,'.includes(header.charAt(i))) i++;
      } else {
        const valueStart = i;
        while (i < header.length && !';,'.includes(header.charAt(i))) i++;
        value = header.slice(valueStart, i).trim();
      }
    }
    if ((name === 'for' || name === 'host' || name === 'proto') && element[name] === undefined) {
      element[name] = value;
    }
    if (header.charAt(i) !== ';') break;
    i++;
  }
  return element;
}

/** The first entry of a comma-separated header such as `X-Forwarded-For`. */
export function firstListEntry(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const comma = value.indexOf(',');
  const entry = (comma === -1 ? value : value.slice(0, comma)).trim();
  return entry === '' ? undefined : entry;
}

/**
 * The address part of a `Forwarded: for=` / `X-Forwarded-For` node: brackets and
 * port removed; `undefined` for the `unknown` and obfuscated (`_hidden`) forms.
 */
export function nodeAddress(node: string | undefined): string | undefined {
  if (node === undefined || node === '') return undefined;
  let address: string;
  if (node.startsWith('[')) {
    const close = node.indexOf(']');
    if (close === -1) return undefined;
    address = node.slice(1, close);
  } else {
    const colon = node.indexOf(':');
    // one colon: a name or IPv4 address with a port; more than one: a bare IPv6 address
    address = colon !== -1 && node.indexOf(':', colon + 1) === -1 ? node.slice(0, colon) : node;
  }
  if (address === '' || address.startsWith('_') || address.toLowerCase() === 'unknown') {
    return undefined;
  }
  return address;
}

/** A `Host`-style value split into address and port. */
export interface HostParts {
  readonly address: string;
  readonly port: number | undefined;
}

/** The port a `Host` value names: 1 to 65535 in at most five digits, else `undefined`. */
function portNumber(text: string): number | undefined {
  if (text.length === 0 || text.length > 5) return undefined;
  let port = 0;
  for (let i = 0; i < text.length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return undefined;
    port = port * 10 + digit;
  }
  return port > 0 && port < 65536 ? port : undefined;
}

function splitHost(host: string): HostParts {
  let address = host;
  let portText: string | undefined;
  if (host.startsWith('[')) {
    const close = host.indexOf(']');
    address = close === -1 ? host : host.slice(1, close);
    if (close !== -1 && host.charAt(close + 1) === ':') portText = host.slice(close + 2);
  } else {
    const colon = host.lastIndexOf(':');
    if (colon !== -1) {
      address = host.slice(0, colon);
      portText = host.slice(colon + 1);
    }
  }
  return { address, port: portText === undefined ? undefined : portNumber(portText) };
}

// A server sees the same few Host values again and again: the last one is kept split.
let lastHost: string | undefined;
let lastParts: HostParts = { address: '', port: undefined };

/** Splits a `Host`-style value into address and port (`[::1]:8080`, `example.com`). */
export function parseHost(host: string): HostParts {
  if (host !== lastHost) {
    lastParts = splitHost(host);
    lastHost = host;
  }
  return lastParts;
}
