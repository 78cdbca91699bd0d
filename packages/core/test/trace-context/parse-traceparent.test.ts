import { formatTraceparent, parseTraceparent } from '../../src/trace-context/traceparent';

// Header values from W3C Trace Context §3.1 / §3.2.3 and the W3C test suite
// (test/test.py), plus the edge cases of §3.2.4 "Versioning of traceparent".

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN_ID = '00f067aa0ba902b7';

describe('parseTraceparent: valid values', () => {
  it.each([
    ['§3.2.3 sampled example', `00-${TRACE_ID}-${SPAN_ID}-01`, TRACE_ID, SPAN_ID, 0x01],
    ['§3.2.3 not-sampled example', `00-${TRACE_ID}-${SPAN_ID}-00`, TRACE_ID, SPAN_ID, 0x00],
    [
      '§3.1 example',
      '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
      '0af7651916cd43dd8448eb211c80319c',
      'b7ad6b7169203331',
      0x01,
    ],
    [
      'Level 2 §3.2.2.5: 03 is sampled and random',
      `00-${TRACE_ID}-${SPAN_ID}-03`,
      TRACE_ID,
      SPAN_ID,
      0x03,
    ],
    [
      'Level 2 §3.2.2.5: 02 is random only',
      `00-${TRACE_ID}-${SPAN_ID}-02`,
      TRACE_ID,
      SPAN_ID,
      0x02,
    ],
  ])('%s', (_name, header, traceId, spanId, traceFlags) => {
    expect(parseTraceparent(header)).toEqual({ traceId, spanId, traceFlags });
  });

  it('drops flag bits other than sampled and random (§3.2.2.5.3: reserved, sent as zero)', () => {
    expect(parseTraceparent(`00-${TRACE_ID}-${SPAN_ID}-09`)?.traceFlags).toBe(0x01);
    expect(parseTraceparent(`00-${TRACE_ID}-${SPAN_ID}-ff`)?.traceFlags).toBe(0x03);
    expect(parseTraceparent(`00-${TRACE_ID}-${SPAN_ID}-fc`)?.traceFlags).toBe(0x00);
  });

  it('ignores leading and trailing spaces and tabs (RFC 7230 §3.2.4; W3C test_traceparent_ows_handling)', () => {
    for (const header of [
      ` 00-${TRACE_ID}-${SPAN_ID}-01`,
      `\t00-${TRACE_ID}-${SPAN_ID}-01`,
      `00-${TRACE_ID}-${SPAN_ID}-01 `,
      `\t 00-${TRACE_ID}-${SPAN_ID}-01 \t`,
    ]) {
      expect(parseTraceparent(header)?.traceId).toBe(TRACE_ID);
    }
  });
});

describe('parseTraceparent: a higher version (§3.2.4)', () => {
  it.each([
    ['exactly 55 characters', `cc-${TRACE_ID}-${SPAN_ID}-01`],
    ['extra fields after a dash', `cc-${TRACE_ID}-${SPAN_ID}-01-what-the-future-will-be-like`],
    ['an empty extra field', `01-${TRACE_ID}-${SPAN_ID}-01-`],
    ['a comma in its extra fields', `cc-${TRACE_ID}-${SPAN_ID}-01-a, b`],
    ['uppercase letters and spaces in its extra fields', `cc-${TRACE_ID}-${SPAN_ID}-01-NOT HEX`],
    ['control characters in its extra fields', `cc-${TRACE_ID}-${SPAN_ID}-01-\u0000\u007f`],
    ['non-ASCII text in its extra fields', `cc-${TRACE_ID}-${SPAN_ID}-01-caf\u00e9`],
  ])('reads the fixed offsets when it has %s ("Versioning of traceparent")', (_name, header) => {
    expect(parseTraceparent(header)).toEqual({ traceId: TRACE_ID, spanId: SPAN_ID, traceFlags: 1 });
  });

  it.each([
    ['flags not followed by a dash', `cc-${TRACE_ID}-${SPAN_ID}-01.what-the-future-will-be-like`],
    ['shorter than 55 characters', `cc-${TRACE_ID}-${SPAN_ID}-1`],
    ['an uppercase trace id', `cc-${TRACE_ID.toUpperCase()}-${SPAN_ID}-01`],
    ['an all-zero trace id', `cc-${'0'.repeat(32)}-${SPAN_ID}-01`],
    ['an all-zero parent id', `cc-${TRACE_ID}-${'0'.repeat(16)}-01`],
  ])('restarts the trace on %s', (_name, header) => {
    expect(parseTraceparent(header)).toBeUndefined();
  });

  it('keeps only the flags it knows (§4.3 step 2.2: unknown flags sent as 0)', () => {
    expect(parseTraceparent(`cc-${TRACE_ID}-${SPAN_ID}-ff-00`)?.traceFlags).toBe(0x03);
  });
});

describe('parseTraceparent: invalid values restart the trace', () => {
  it.each([
    ['version ff (§3.2.2.1)', `ff-${TRACE_ID}-${SPAN_ID}-01`],
    ['version 00 with an extra character (§3.2.2.2)', `00-${TRACE_ID}-${SPAN_ID}-01.`],
    [
      'version 00 with extra fields (§3.2.2.2)',
      `00-${TRACE_ID}-${SPAN_ID}-01-what-the-future-will-be-like`,
    ],
    ['a version of one digit', `0-${TRACE_ID}-${SPAN_ID}-01`],
    ['a version of three digits', `000-${TRACE_ID}-${SPAN_ID}-01`],
    ['an illegal version character', `.0-${TRACE_ID}-${SPAN_ID}-01`],
    ['an uppercase version', `0A-${TRACE_ID}-${SPAN_ID}-01`],
    ['an all-zero trace id (§3.2.2.3)', `00-${'0'.repeat(32)}-${SPAN_ID}-01`],
    ['an uppercase trace id (§3.2.2.3: HEXDIGLC)', `00-${TRACE_ID.toUpperCase()}-${SPAN_ID}-01`],
    ['an illegal trace id character', `00-.bf92f3577b34da6a3ce929d0e0e4736-${SPAN_ID}-01`],
    ['a trace id one digit short', `00-${TRACE_ID.slice(1)}-${SPAN_ID}-01`],
    ['a trace id one digit long', `00-${TRACE_ID}1-${SPAN_ID}-01`],
    ['an all-zero parent id (§3.2.2.4)', `00-${TRACE_ID}-${'0'.repeat(16)}-01`],
    ['an uppercase parent id (§3.2.2.4)', `00-${TRACE_ID}-00F067AA0BA902B7-01`],
    ['a parent id one digit short', `00-${TRACE_ID}-${SPAN_ID.slice(1)}-01`],
    ['a parent id one digit long', `00-${TRACE_ID}-${SPAN_ID}1-01`],
    ['illegal flags', `00-${TRACE_ID}-${SPAN_ID}-.0`],
    ['uppercase flags', `00-${TRACE_ID}-${SPAN_ID}-0A`],
    ['flags of three digits', `00-${TRACE_ID}-${SPAN_ID}-001`],
    ['flags of one digit', `00-${TRACE_ID}-${SPAN_ID}-1`],
    ['another delimiter', `00_${TRACE_ID}_${SPAN_ID}_01`],
    ['an empty value', ''],
    ['a newline around it (not OWS)', `00-${TRACE_ID}-${SPAN_ID}-01\n`],
  ])('%s', (_name, header) => {
    expect(parseTraceparent(header)).toBeUndefined();
  });
});

describe('formatTraceparent', () => {
  it('writes version 00 with two flag digits', () => {
    expect(formatTraceparent(TRACE_ID, SPAN_ID, 0x01)).toBe(`00-${TRACE_ID}-${SPAN_ID}-01`);
    expect(formatTraceparent(TRACE_ID, SPAN_ID, 0x03)).toBe(`00-${TRACE_ID}-${SPAN_ID}-03`);
  });

  it('sends reserved flag bits as zero (§3.2.2.5.3)', () => {
    expect(formatTraceparent(TRACE_ID, SPAN_ID, 0xff)).toBe(`00-${TRACE_ID}-${SPAN_ID}-03`);
    expect(formatTraceparent(TRACE_ID, SPAN_ID, 0x10)).toBe(`00-${TRACE_ID}-${SPAN_ID}-00`);
  });
});
