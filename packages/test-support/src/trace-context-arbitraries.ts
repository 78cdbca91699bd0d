import fc from 'fast-check';
import { utf8Bytes } from './raw-http';

/**
 * What a server must make of the incoming trace headers of one request:
 * continue the given trace under the given parent, start a new trace, or either
 * (random text, which may by chance be valid).
 */
export type ContextVerdict =
  | { readonly continues: { readonly traceId: string; readonly parentId: string } }
  | { readonly restarts: true }
  | { readonly either: true };

/** Header lines (`name: value`, latin1 bytes) and the verdict they call for. */
export interface TraceHeaderCase {
  readonly lines: readonly string[];
  readonly verdict: ContextVerdict;
}

const HEX = [...'0123456789abcdef'];
const MEGABYTE = 1024 * 1024;

function hex(length: number): fc.Arbitrary<string> {
  return fc.string({ unit: fc.constantFrom(...HEX), minLength: length, maxLength: length });
}

const traceId = hex(32).filter((id) => !/^0+$/.test(id));
const parentId = hex(16).filter((id) => !/^0+$/.test(id));
const flags = hex(2);
/** A version above 00 and below ff: a future version, read by its fixed fields. */
const futureVersion = hex(2).filter((version) => version !== '00' && version !== 'ff');

/** Characters no valid header holds: control characters, DEL, and non-ASCII text as UTF-8 bytes. */
export const hostileCharacter: fc.Arbitrary<string> = fc.oneof(
  fc
    .integer({ min: 0, max: 0x7f })
    .filter((code) => code < 0x20 || code === 0x7f)
    .filter((code) => code !== 0x09 && code !== 0x0a && code !== 0x0d)
    .map((code) => String.fromCharCode(code)),
  fc.constantFrom('é', '€', 'ÿ', '😀', '\u200b').map(utf8Bytes),
);

/** Any text a header line can carry: latin1 bytes without CR, LF and NUL-free framing worries. */
export const headerText: fc.Arbitrary<string> = fc.string({
  unit: fc
    .integer({ min: 0, max: 0xff })
    .filter((code) => code !== 0x0a && code !== 0x0d)
    .map((code) => String.fromCharCode(code)),
  maxLength: 80,
});

function continues(t: string, p: string): ContextVerdict {
  return { continues: { traceId: t, parentId: p } };
}

const RESTARTS: ContextVerdict = { restarts: true };

function one(value: string, verdict: ContextVerdict): TraceHeaderCase {
  return { lines: [`traceparent: ${value}`], verdict };
}

/** Inserts `insert` inside `text`, never first or last (Node trims the ends of header values). */
function insertInside(text: string, insert: string, at: number): string {
  const position = 1 + (at % (text.length - 1));
  return text.slice(0, position) + insert + text.slice(position);
}

/** Upper-cases one hex letter of `id`, or turns a digit into `A`: never valid lower-case hex. */
function withUpperCase(id: string, at: number): string {
  const i = at % id.length;
  const char = id.charAt(i);
  const upper = /[a-f]/.test(char) ? char.toUpperCase() : 'A';
  return id.slice(0, i) + upper + id.slice(i + 1);
}

/** Valid, invalid and random `traceparent` headers, each with what the server must do. */
export const traceparentCase: fc.Arbitrary<TraceHeaderCase> = fc.oneof(
  { depthSize: 'small', withCrossShrink: false },
  fc.tuple(traceId, parentId, flags).map(([t, p, f]) => one(`00-${t}-${p}-${f}`, continues(t, p))),
  fc
    .tuple(
      futureVersion,
      traceId,
      parentId,
      flags,
      fc.option(headerText.map((x) => x.replace(/[\s]+$/, ''))),
    )
    .map(([v, t, p, f, extra]) =>
      one(`${v}-${t}-${p}-${f}${extra === null ? '' : `-${extra}`}`, continues(t, p)),
    ),
  fc
    .tuple(traceId, parentId, flags, fc.nat(), fc.boolean())
    .map(([t, p, f, at, inTrace]) =>
      one(
        inTrace ? `00-${withUpperCase(t, at)}-${p}-${f}` : `00-${t}-${withUpperCase(p, at)}-${f}`,
        RESTARTS,
      ),
    ),
  fc.tuple(parentId, flags).map(([p, f]) => one(`00-${'0'.repeat(32)}-${p}-${f}`, RESTARTS)),
  fc.tuple(traceId, flags).map(([t, f]) => one(`00-${t}-${'0'.repeat(16)}-${f}`, RESTARTS)),
  fc.tuple(traceId, parentId, flags).map(([t, p, f]) => one(`ff-${t}-${p}-${f}`, RESTARTS)),
  fc
    .tuple(traceId, parentId, flags, hex(2))
    .map(([t, p, f, extra]) => one(`00-${t}-${p}-${f}-${extra}`, RESTARTS)),
  fc
    .tuple(
      traceId,
      parentId,
      flags,
      fc.integer({ min: -3, max: 3 }).filter((d) => d !== 0),
      fc.boolean(),
    )
    .map(([t, p, f, delta, inTrace]) => {
      const resize = (id: string) => (delta < 0 ? id.slice(0, delta) : id + 'a'.repeat(delta));
      return one(inTrace ? `00-${resize(t)}-${p}-${f}` : `00-${t}-${resize(p)}-${f}`, RESTARTS);
    }),
  fc
    .tuple(futureVersion, traceId, parentId, flags, fc.constantFrom('x', '0', '.', '_'))
    .map(([v, t, p, f, next]) => one(`${v}-${t}-${p}-${f}${next}`, RESTARTS)),
  fc
    .tuple(traceId, parentId, flags, hostileCharacter, fc.nat())
    .map(([t, p, f, bad, at]) => one(insertInside(`00-${t}-${p}-${f}`, bad, at), RESTARTS)),
  fc.tuple(traceId, parentId, flags, traceId, parentId).map(([t, p, f, t2, p2]) => ({
    // Node joins repeated headers with ", ": never one valid traceparent
    lines: [`traceparent: 00-${t}-${p}-${f}`, `traceparent: 00-${t2}-${p2}-${f}`],
    verdict: RESTARTS,
  })),
  fc.tuple(futureVersion, traceId, parentId, flags, traceId, parentId).map(([v, t, p, f, t2, p2]) =>
    // what follows a future version's flags is opaque, even text Node's joining of repeated fields makes
    one(`${v}-${t}-${p}-${f}-x, ${v}-${t2}-${p2}-${f}`, continues(t, p)),
  ),
  fc.oneof(
    fc.tuple(futureVersion, traceId, parentId, flags).map(([v, t, p, f]) =>
      // a future version may carry more fields: 1 MB of them still continues the trace
      one(`${v}-${t}-${p}-${f}-${'x'.repeat(MEGABYTE)}`, continues(t, p)),
    ),
    fc.constant(one('f'.repeat(MEGABYTE), RESTARTS)),
  ),
  headerText.filter((text) => text.trim() !== '').map((text) => one(text, { either: true })),
);

/** A well-formed `tracestate` list-member by the Level 2 grammar ("Key", "Value"). */
const WELL_FORMED_MEMBER = /^[a-z0-9][a-z0-9_\-*/@]{0,255}=[ -+\--<>-~]{0,255}[!-+\--<>-~]$/;

/** A `tracestate` list member, well-formed or not; duplicate keys are frequent. */
const tracestateMember: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      fc.stringMatching(/^[a-z0-9][a-z0-9_\-*/@]{0,20}$/),
      fc.stringMatching(/^[!-+\--<>-~]{1,30}$/),
    )
    .map(([key, value]) => `${key}=${value}`),
  fc.constantFrom('dup=1', 'dup=2', '1dup@vendor=3', 'foo@@bar=4'),
  headerText,
  fc.constant(`big=${'v'.repeat(300)}`),
);

/**
 * Whether every member of the `tracestate` lines is well-formed or empty and there
 * are at most 32 of them: then the header is valid, duplicate keys or not, and
 * some of it must be kept.
 */
function isValidTracestate(headers: readonly string[]): boolean {
  const members = headers
    .flatMap((header) => header.split(','))
    .map((member) => member.replace(/^[ \t]+|[ \t]+$/g, ''))
    .filter((member) => member !== '');
  return members.length <= 32 && members.every((member) => WELL_FORMED_MEMBER.test(member));
}

/** Header lists of `member`s, one to three headers; or one header holding a 1 MB member among them. */
function headerLists(member: fc.Arbitrary<string>, huge: string): fc.Arbitrary<string[][]> {
  const list = fc.array(member, { minLength: 1, maxLength: 40 });
  return fc.oneof(
    { weight: 9, arbitrary: fc.array(list, { minLength: 1, maxLength: 3 }) },
    { weight: 1, arbitrary: list.map((members) => [[...members, huge]]) },
  );
}

/** `tracestate` lines (one or several) next to a valid traceparent, which must hold regardless. */
export const tracestateCase = fc
  .tuple(traceId, parentId, headerLists(tracestateMember, 'x'.repeat(MEGABYTE)))
  .map(([t, p, headers]) => ({
    lines: [
      `traceparent: 00-${t}-${p}-01`,
      ...headers.map((members) => `tracestate: ${members.join(',')}`),
    ],
    verdict: continues(t, p),
    members: headers.flat(),
    valid: isValidTracestate(headers.map((members) => members.join(','))),
  }));

/** A `baggage` list member, well-formed or not (bad %-escapes, properties, 1 MB). */
const baggageMember: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(fc.stringMatching(/^[A-Za-z0-9_.-]{1,20}$/), fc.stringMatching(/^[A-Za-z0-9%;=]{0,30}$/))
    .map(([key, value]) => `${key}=${value}`),
  fc.constantFrom('k=%', 'k=%zz', '%E0%A4%A=v', 'k=v;prop', '=v', 'k='),
  headerText,
);

/** `baggage` lines next to a valid traceparent, which must hold regardless. */
export const baggageCase = fc
  .tuple(traceId, parentId, headerLists(baggageMember, `huge=${'b'.repeat(MEGABYTE)}`))
  .map(([t, p, headers]) => ({
    lines: [
      `traceparent: 00-${t}-${p}-01`,
      ...headers.map((members) => `baggage: ${members.join(',')}`),
    ],
    verdict: continues(t, p),
  }));
