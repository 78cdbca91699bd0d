// The Level 2 `traceresponse` header (§"Trace Context HTTP Response Headers
// Format", the `traceparent` format naming the callee's span) both ways: a server
// sends its span back, a client links its span to the one it names.

import type { Span, SpanContext } from '@opentelemetry/api';
import type { HeaderReader } from '../capture-headers';
import { reportError } from '../report-error';
import { formatTraceparent, parseTraceparent } from './traceparent';

/** The response header that names the callee's span. */
export const TRACERESPONSE_HEADER = 'traceresponse';

/** How the server span's context goes back to the caller: see `TracingOptions.traceResponse`. */
export type TraceResponseFormat = 'traceresponse' | 'server-timing';

/**
 * The part of Node's `http.ServerResponse` (and `Http2ServerResponse`) through which
 * the response headers go out. Both send them through `writeHead`, also when the app
 * never calls it (`write`, `end`, `flushHeaders` call it from `_implicitHeader`).
 */
export interface HeaderWritingResponse {
  readonly headersSent: boolean;
  writeHead(...args: unknown[]): unknown;
  getHeader(name: string): number | string | readonly string[] | undefined;
  setHeader(name: string, value: number | string | readonly string[]): unknown;
}

type HeaderValue = number | string | readonly string[];
type HeaderPairs = ReadonlyArray<readonly [string, HeaderValue]>;
type HeadersArgument = Record<string, HeaderValue | undefined> | readonly string[] | HeaderPairs;

/**
 * Where `headers` gives `name` (any case): its object key, or the index of its last
 * value in a flat array (Node 20 keeps only the last of repeated names there).
 */
function nameIn(headers: HeadersArgument, name: string): string | number | undefined {
  if (Array.isArray(headers)) {
    for (let i = headers.length - 2; i >= 0; i -= 2) {
      if (String(headers[i]).toLowerCase() === name) return i + 1;
    }
    return undefined;
  }
  return Object.keys(headers).find((key) => key.toLowerCase() === name);
}

/**
 * `[[name, value], …]`: Node takes this form only while no header was set on the
 * response (setting one first makes `writeHead` throw), so ours joins the pairs.
 */
function withPair(pairs: HeaderPairs, name: string, entry: string): HeaderPairs {
  if (name !== 'server-timing' && pairs.some(([key]) => String(key).toLowerCase() === name)) {
    return pairs;
  }
  return [...pairs, [name, entry]];
}

/** `value` with `entry` appended to its comma-separated list (RFC 9110 §5.6.1). */
function appended(value: HeaderValue | undefined, entry: string): HeaderValue {
  if (value === undefined || value === '') return entry;
  return Array.isArray(value) ? [...(value as string[]), entry] : `${String(value)}, ${entry}`;
}

/**
 * Adds the header to a response whose `writeHead(status, [reason], headers)` is
 * about to run, and gives the arguments to run it with. Headers set on the response
 * are merged with the `headers` argument, which wins on a clash: a name the app
 * passes there is extended in a copy of it (Server-Timing) or left to the app
 * (traceresponse); otherwise it is set on the response. The app's arguments are
 * never modified.
 */
function withTraceHeader(
  response: HeaderWritingResponse,
  args: unknown[],
  name: string,
  entry: string,
): unknown[] {
  const at = typeof args[1] === 'string' ? 2 : 1;
  const headers = args[at] as HeadersArgument | null | undefined;
  if (Array.isArray(headers) && Array.isArray(headers[0])) {
    return replaced(args, at, withPair(headers as HeaderPairs, name, entry));
  }
  const given = typeof headers === 'object' && headers !== null ? nameIn(headers, name) : undefined;
  if (given === undefined) {
    const current = response.getHeader(name);
    if (name === 'server-timing') response.setHeader(name, appended(current, entry));
    else if (current === undefined) response.setHeader(name, entry);
    return args;
  }
  if (name !== 'server-timing') return args;
  const copy = (Array.isArray(headers) ? [...headers] : { ...headers }) as Record<
    string | number,
    HeaderValue
  >;
  copy[given] = appended(copy[given], entry);
  return replaced(args, at, copy);
}

function replaced(args: unknown[], at: number, headers: unknown): unknown[] {
  const changed = [...args];
  changed[at] = headers;
  return changed;
}

/**
 * Returns the server span's context to the caller in a response header (Trace
 * Context Level 2 §"Trace Context HTTP Response Headers Format": `traceresponse`,
 * or the `Server-Timing: traceparent;desc="…"` entry browser monitoring reads).
 * The header is added as the headers go out, in this response's own `writeHead`,
 * so it holds on every path: late and streamed bodies, hijacked replies, and error
 * responses whose framework cleared the headers set before. The app's own
 * `writeHead` errors pass through; ours are reported and the response goes on.
 */
export function returnTraceTo(
  response: HeaderWritingResponse,
  format: TraceResponseFormat,
  { traceId, spanId, traceFlags }: SpanContext,
): void {
  const value = formatTraceparent(traceId, spanId, traceFlags);
  const name = format === 'traceresponse' ? TRACERESPONSE_HEADER : 'server-timing';
  const entry = format === 'traceresponse' ? value : `traceparent;desc="${value}"`;
  const writeHead = response.writeHead;
  response.writeHead = function otelwareWriteHead(
    this: HeaderWritingResponse,
    ...args: unknown[]
  ): unknown {
    let sent = args;
    if (!this.headersSent) {
      try {
        sent = withTraceHeader(this, args, name, entry);
      } catch (error) {
        reportError('returning the trace context in the response', error);
      }
    }
    return Reflect.apply(writeHead, this, sent);
  };
}

/**
 * Links a CLIENT span to the callee's span named by the response's `traceresponse`
 * header, when the callee answered in another trace: it restarted the trace, and
 * the link is what joins the two. In the same trace the callee's span is already
 * a descendant, so nothing is added. An invalid header is ignored, as the
 * specification requires.
 */
export function linkTraceResponse(span: Span, header: HeaderReader): void {
  const value = header(TRACERESPONSE_HEADER);
  if (typeof value !== 'string') return; // absent, or a list of values
  const callee = parseTraceparent(value);
  if (callee === undefined || callee.traceId === span.spanContext().traceId) return;
  if (typeof span.addLink !== 'function') return; // API before 1.9's Span.addLink
  span.addLink({ context: { ...callee, isRemote: true } });
}
