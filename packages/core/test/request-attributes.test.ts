import {
  ATTR_CLIENT_ADDRESS,
  ATTR_HTTP_REQUEST_HEADER,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_REQUEST_METHOD_ORIGINAL,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_URL_PATH,
  ATTR_URL_QUERY,
  ATTR_URL_SCHEME,
  ATTR_USER_AGENT_ORIGINAL,
  HTTP_REQUEST_METHOD_VALUE_OTHER,
} from '@opentelemetry/semantic-conventions';
import { headerCapture } from '../src/capture-headers';
import { DEFAULT_REDACTED_QUERY_PARAMS } from '../src/redact';
import { requestAttributes, type RequestAttributeConfig } from '../src/request-attributes';
import type { HttpHeaders, HttpRequest } from '../src/types';

const config: RequestAttributeConfig = {
  redactQueryParams: new Set(DEFAULT_REDACTED_QUERY_PARAMS),
  requestHeaders: [],
};

interface RequestParts {
  method?: string;
  url?: string;
  headers?: HttpHeaders;
  remoteAddress?: string;
  encrypted?: boolean;
}

/** A request as Node presents it, with no proxy headers unless given. */
function httpRequest({
  method = 'GET',
  url = '/',
  headers = {},
  remoteAddress = '10.0.0.7',
  encrypted,
}: RequestParts = {}): HttpRequest {
  const socket = encrypted === undefined ? { remoteAddress } : { remoteAddress, encrypted };
  return { method, url, headers, httpVersion: '1.1', socket };
}

function attributesOf(parts: RequestParts, cfg: RequestAttributeConfig = config) {
  return requestAttributes(httpRequest(parts), parts.method ?? 'GET', cfg);
}

describe('requestAttributes: target', () => {
  it('splits the target into url.path and url.query', () => {
    expect(
      attributesOf({ url: '/users/42?page=2&sort=name', headers: { host: 'example.com' } }),
    ).toStrictEqual({
      [ATTR_HTTP_REQUEST_METHOD]: 'GET',
      [ATTR_URL_PATH]: '/users/42',
      [ATTR_URL_QUERY]: 'page=2&sort=name',
      [ATTR_URL_SCHEME]: 'http',
      [ATTR_SERVER_ADDRESS]: 'example.com',
      [ATTR_SERVER_PORT]: 80,
      [ATTR_CLIENT_ADDRESS]: '10.0.0.7',
    });
  });

  it('sets no url.query when the target has no query', () => {
    expect(attributesOf({ url: '/users/42' })).not.toHaveProperty([ATTR_URL_QUERY]);
  });

  it('redacts sensitive values in url.query', () => {
    expect(attributesOf({ url: '/download?X-Amz-Signature=abc123&id=7' })[ATTR_URL_QUERY]).toBe(
      'X-Amz-Signature=REDACTED&id=7',
    );
  });

  it('reads path, query, address and port from an absolute-form target', () => {
    expect(attributesOf({ url: 'http://example.com:8080/a?b=1' })).toStrictEqual({
      [ATTR_HTTP_REQUEST_METHOD]: 'GET',
      [ATTR_URL_PATH]: '/a',
      [ATTR_URL_QUERY]: 'b=1',
      [ATTR_URL_SCHEME]: 'http',
      [ATTR_SERVER_ADDRESS]: 'example.com',
      [ATTR_SERVER_PORT]: 8080,
      [ATTR_CLIENT_ADDRESS]: '10.0.0.7',
    });
  });

  it('uses / as url.path for an absolute-form target without a path', () => {
    expect(attributesOf({ url: 'http://example.com' })).toStrictEqual({
      [ATTR_HTTP_REQUEST_METHOD]: 'GET',
      [ATTR_URL_PATH]: '/',
      [ATTR_URL_SCHEME]: 'http',
      [ATTR_SERVER_ADDRESS]: 'example.com',
      [ATTR_SERVER_PORT]: 80,
      [ATTR_CLIENT_ADDRESS]: '10.0.0.7',
    });
  });

  it('reads the query of an absolute-form target that has no path', () => {
    expect(attributesOf({ url: 'http://example.com?sig=abc&b=1' })).toStrictEqual({
      [ATTR_HTTP_REQUEST_METHOD]: 'GET',
      [ATTR_URL_PATH]: '/',
      [ATTR_URL_QUERY]: 'sig=REDACTED&b=1',
      [ATTR_URL_SCHEME]: 'http',
      [ATTR_SERVER_ADDRESS]: 'example.com',
      [ATTR_SERVER_PORT]: 80,
      [ATTR_CLIENT_ADDRESS]: '10.0.0.7',
    });
  });

  it('prefers the authority of an absolute-form target to the Host header (RFC 9112, 3.2.2)', () => {
    const attributes = attributesOf({
      url: 'http://api.example:8080/a',
      headers: { host: 'example.com' },
    });
    expect([attributes[ATTR_SERVER_ADDRESS], attributes[ATTR_SERVER_PORT]]).toEqual([
      'api.example',
      8080,
    ]);
  });

  it('never takes the userinfo of an absolute-form target into server.address', () => {
    const attributes = attributesOf({ url: 'http://user:pw@api.example/a', headers: {} });
    expect([attributes[ATTR_SERVER_ADDRESS], attributes[ATTR_SERVER_PORT]]).toEqual([
      'api.example',
      80,
    ]);
  });

  it('records the asterisk target of OPTIONS * as url.path', () => {
    expect(
      attributesOf({ method: 'OPTIONS', url: '*', headers: { host: 'example.com' } }),
    ).toStrictEqual({
      [ATTR_HTTP_REQUEST_METHOD]: 'OPTIONS',
      [ATTR_URL_PATH]: '*',
      [ATTR_URL_SCHEME]: 'http',
      [ATTR_SERVER_ADDRESS]: 'example.com',
      [ATTR_SERVER_PORT]: 80,
      [ATTR_CLIENT_ADDRESS]: '10.0.0.7',
    });
  });
});

describe('requestAttributes: server address and port', () => {
  const proxied: HttpHeaders = {
    forwarded: 'for=192.0.2.60;host=forwarded.example:8443;proto=https',
    'x-forwarded-host': 'xfh.example:9443',
    'x-forwarded-proto': 'http',
    host: 'internal:3000',
  };

  it('takes address and port from Forwarded host before X-Forwarded-Host and Host', () => {
    const attributes = attributesOf({ headers: proxied });
    expect([attributes[ATTR_SERVER_ADDRESS], attributes[ATTR_SERVER_PORT]]).toEqual([
      'forwarded.example',
      8443,
    ]);
  });

  it('takes address and port from the first X-Forwarded-Host before Host', () => {
    const attributes = attributesOf({
      headers: { 'x-forwarded-host': 'xfh.example:9443, other.example', host: 'internal:3000' },
    });
    expect([attributes[ATTR_SERVER_ADDRESS], attributes[ATTR_SERVER_PORT]]).toEqual([
      'xfh.example',
      9443,
    ]);
  });

  it('uses X-Forwarded-Host when Forwarded has no host', () => {
    const attributes = attributesOf({
      headers: { forwarded: 'for=192.0.2.60', 'x-forwarded-host': 'xfh.example', host: 'internal' },
    });
    expect(attributes[ATTR_SERVER_ADDRESS]).toBe('xfh.example');
  });

  it('takes :authority before Host', () => {
    const attributes = attributesOf({
      headers: { ':authority': 'h2.example:8443', host: 'internal:3000' },
    });
    expect([attributes[ATTR_SERVER_ADDRESS], attributes[ATTR_SERVER_PORT]]).toEqual([
      'h2.example',
      8443,
    ]);
  });

  it('takes address and port from Host', () => {
    const attributes = attributesOf({ headers: { host: 'example.com:3000' } });
    expect([attributes[ATTR_SERVER_ADDRESS], attributes[ATTR_SERVER_PORT]]).toEqual([
      'example.com',
      3000,
    ]);
  });

  it('removes the brackets of an IPv6 Host', () => {
    const attributes = attributesOf({ headers: { host: '[::1]:8080' } });
    expect([attributes[ATTR_SERVER_ADDRESS], attributes[ATTR_SERVER_PORT]]).toEqual(['::1', 8080]);
  });

  it('defaults the port to 80 for http', () => {
    expect(attributesOf({ headers: { host: 'example.com' } })[ATTR_SERVER_PORT]).toBe(80);
  });

  it('defaults the port to 443 for https', () => {
    expect(
      attributesOf({ headers: { host: 'example.com' }, encrypted: true })[ATTR_SERVER_PORT],
    ).toBe(443);
  });

  it('defaults the port by the forwarded scheme, not the socket', () => {
    expect(
      attributesOf({ headers: { host: 'example.com', 'x-forwarded-proto': 'https' } })[
        ATTR_SERVER_PORT
      ],
    ).toBe(443);
  });

  it('uses the Host header when the Forwarded host is empty', () => {
    const attributes = attributesOf({
      headers: { forwarded: 'for=192.0.2.60;host=""', host: 'example.com:3000' },
    });
    expect([attributes[ATTR_SERVER_ADDRESS], attributes[ATTR_SERVER_PORT]]).toEqual([
      'example.com',
      3000,
    ]);
  });
});

describe('requestAttributes: scheme', () => {
  it('is http on a plain socket', () => {
    expect(attributesOf({})[ATTR_URL_SCHEME]).toBe('http');
  });

  it('is https on a TLS socket', () => {
    expect(attributesOf({ encrypted: true })[ATTR_URL_SCHEME]).toBe('https');
  });

  it('takes Forwarded proto before X-Forwarded-Proto and the socket', () => {
    expect(
      attributesOf({
        headers: { forwarded: 'proto=https', 'x-forwarded-proto': 'http' },
        encrypted: false,
      })[ATTR_URL_SCHEME],
    ).toBe('https');
  });

  it('takes the first X-Forwarded-Proto before the socket', () => {
    expect(
      attributesOf({ headers: { 'x-forwarded-proto': 'http, https' }, encrypted: true })[
        ATTR_URL_SCHEME
      ],
    ).toBe('http');
  });

  it('lower-cases a forwarded scheme', () => {
    expect(attributesOf({ headers: { forwarded: 'proto=HTTPS' } })[ATTR_URL_SCHEME]).toBe('https');
  });

  it('falls back to the socket when the Forwarded proto is empty', () => {
    expect(
      attributesOf({ headers: { forwarded: 'for=192.0.2.60;proto=""' }, encrypted: true })[
        ATTR_URL_SCHEME
      ],
    ).toBe('https');
  });
});

describe('requestAttributes: client address', () => {
  it('takes Forwarded for before X-Forwarded-For and the socket', () => {
    expect(
      attributesOf({
        headers: { forwarded: 'for=192.0.2.60', 'x-forwarded-for': '203.0.113.195' },
      })[ATTR_CLIENT_ADDRESS],
    ).toBe('192.0.2.60');
  });

  it('takes the IPv6 address of a quoted Forwarded for with a port', () => {
    expect(
      attributesOf({ headers: { forwarded: 'for="[2001:db8::1]:4711"' } })[ATTR_CLIENT_ADDRESS],
    ).toBe('2001:db8::1');
  });

  it('takes the client-most X-Forwarded-For entry before the socket', () => {
    expect(
      attributesOf({ headers: { 'x-forwarded-for': '203.0.113.195, 70.41.3.18' } })[
        ATTR_CLIENT_ADDRESS
      ],
    ).toBe('203.0.113.195');
  });

  it('removes the port from an X-Forwarded-For entry', () => {
    expect(
      attributesOf({ headers: { 'x-forwarded-for': '203.0.113.195:51234' } })[ATTR_CLIENT_ADDRESS],
    ).toBe('203.0.113.195');
  });

  it('uses X-Forwarded-For when Forwarded for is obfuscated', () => {
    expect(
      attributesOf({
        headers: { forwarded: 'for=_hidden', 'x-forwarded-for': '203.0.113.195' },
      })[ATTR_CLIENT_ADDRESS],
    ).toBe('203.0.113.195');
  });

  it('uses the socket peer when Forwarded for is unknown', () => {
    expect(attributesOf({ headers: { forwarded: 'for=unknown' } })[ATTR_CLIENT_ADDRESS]).toBe(
      '10.0.0.7',
    );
  });

  it('uses the socket peer without proxy headers', () => {
    expect(attributesOf({ remoteAddress: '::ffff:127.0.0.1' })[ATTR_CLIENT_ADDRESS]).toBe(
      '::ffff:127.0.0.1',
    );
  });
});

describe('requestAttributes: method, user agent and headers', () => {
  it('records _OTHER and the original method for an unknown method', () => {
    expect(
      requestAttributes(
        httpRequest({ method: 'PURGE', url: '/cache' }),
        HTTP_REQUEST_METHOD_VALUE_OTHER,
        config,
      ),
    ).toStrictEqual({
      [ATTR_HTTP_REQUEST_METHOD]: HTTP_REQUEST_METHOD_VALUE_OTHER,
      [ATTR_HTTP_REQUEST_METHOD_ORIGINAL]: 'PURGE',
      [ATTR_URL_PATH]: '/cache',
      [ATTR_URL_SCHEME]: 'http',
      [ATTR_CLIENT_ADDRESS]: '10.0.0.7',
    });
  });

  it('records no original method for a known method', () => {
    expect(attributesOf({ method: 'POST' })).not.toHaveProperty([
      ATTR_HTTP_REQUEST_METHOD_ORIGINAL,
    ]);
  });

  it('records the user agent', () => {
    expect(
      attributesOf({ headers: { 'user-agent': 'curl/8.5.0' } })[ATTR_USER_AGENT_ORIGINAL],
    ).toBe('curl/8.5.0');
  });

  it('records the allowed request headers as string arrays, and only those present', () => {
    const capture: RequestAttributeConfig = {
      ...config,
      requestHeaders: headerCapture(['X-Request-ID', 'accept-language', 'x-missing'], 'request'),
    };
    const attributes = attributesOf(
      {
        headers: {
          'x-request-id': 'req-1',
          'accept-language': 'en, de;q=0.8',
          'x-not-allowed': 'secret',
        },
      },
      capture,
    );
    expect(attributes).toStrictEqual({
      [ATTR_HTTP_REQUEST_METHOD]: 'GET',
      [ATTR_URL_PATH]: '/',
      [ATTR_URL_SCHEME]: 'http',
      [ATTR_CLIENT_ADDRESS]: '10.0.0.7',
      [ATTR_HTTP_REQUEST_HEADER('x-request-id')]: ['req-1'],
      [ATTR_HTTP_REQUEST_HEADER('accept-language')]: ['en, de;q=0.8'],
    });
  });

  it('keeps every value of a header Node presents as an array', () => {
    const capture: RequestAttributeConfig = {
      ...config,
      requestHeaders: headerCapture(['x-tag'], 'request'),
    };
    expect(
      attributesOf({ headers: { 'x-tag': ['a', 'b'] } }, capture)[
        ATTR_HTTP_REQUEST_HEADER('x-tag')
      ],
    ).toEqual(['a', 'b']);
  });
});

describe('requestAttributes: missing sources', () => {
  it('records only method, path and scheme when nothing else is known', () => {
    const request: HttpRequest = { method: 'GET', headers: {}, socket: null };
    expect(requestAttributes(request, 'GET', config)).toStrictEqual({
      [ATTR_HTTP_REQUEST_METHOD]: 'GET',
      [ATTR_URL_PATH]: '/',
      [ATTR_URL_SCHEME]: 'http',
    });
  });

  it('records no client address when the socket has no peer address', () => {
    const request: HttpRequest = {
      method: 'GET',
      url: '/',
      headers: { host: 'example.com' },
      socket: {},
    };
    expect(requestAttributes(request, 'GET', config)).toStrictEqual({
      [ATTR_HTTP_REQUEST_METHOD]: 'GET',
      [ATTR_URL_PATH]: '/',
      [ATTR_URL_SCHEME]: 'http',
      [ATTR_SERVER_ADDRESS]: 'example.com',
      [ATTR_SERVER_PORT]: 80,
    });
  });
});
