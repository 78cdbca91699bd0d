/** The HTTP methods the stable semantic conventions know, from RFC 9110 and RFC 5789. */
export const DEFAULT_KNOWN_METHODS: readonly string[] = [
  'CONNECT',
  'DELETE',
  'GET',
  'HEAD',
  'OPTIONS',
  'PATCH',
  'POST',
  'PUT',
  'TRACE',
];

/** What `http.request.method` holds for a method outside the known set. */
export const OTHER_METHOD = '_OTHER';

const ENV_KNOWN_METHODS = 'OTEL_INSTRUMENTATION_HTTP_KNOWN_METHODS';

/**
 * The known method set: the `knownMethods` option, else the comma-separated
 * `OTEL_INSTRUMENTATION_HTTP_KNOWN_METHODS` environment variable, else the defaults.
 * Either one replaces the defaults entirely, as the semantic conventions say.
 */
export function resolveKnownMethods(
  option: readonly string[] | undefined,
  env: NodeJS.ProcessEnv = process.env,
): ReadonlySet<string> {
  if (option !== undefined) return new Set(option);
  const fromEnv = env[ENV_KNOWN_METHODS];
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    return new Set(
      fromEnv
        .split(',')
        .map((method) => method.trim())
        .filter((method) => method !== ''),
    );
  }
  return new Set(DEFAULT_KNOWN_METHODS);
}

/** `method` when it is known (case-sensitive), `_OTHER` otherwise. */
export function normalizeMethod(method: string, known: ReadonlySet<string>): string {
  return known.has(method) ? method : OTHER_METHOD;
}
