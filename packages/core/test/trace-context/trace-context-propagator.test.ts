import {
  ROOT_CONTEXT,
  createContextKey,
  createTraceState,
  defaultTextMapGetter,
  defaultTextMapSetter,
  trace,
  type Context,
  type SpanContext,
} from '@opentelemetry/api';
import { TraceContextPropagator } from '../../src';

// extract → inject through the API's context alone: no SDK, no context manager.

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const SPAN_ID = 'b7ad6b7169203331';
const LOCAL_SPAN_ID = '00f067aa0ba902b7';
const propagator = new TraceContextPropagator();

type Headers = Record<string, string | string[]>;

function extract(headers: Headers, from: TraceContextPropagator = propagator): Context {
  return from.extract(ROOT_CONTEXT, headers, defaultTextMapGetter);
}

function inject(context: Context, from: TraceContextPropagator = propagator): Headers {
  const headers: Headers = {};
  from.inject(context, headers, defaultTextMapSetter);
  return headers;
}

/** What an SDK does when it starts a span in `context`: same trace, new span id, own flags. */
function localChild(context: Context, traceFlags: number): Context {
  const parent = trace.getSpanContext(context) as SpanContext;
  return trace.setSpanContext(context, {
    traceId: parent.traceId,
    spanId: LOCAL_SPAN_ID,
    traceFlags,
    traceState: parent.traceState,
  });
}

describe('TraceContextPropagator.extract', () => {
  it('gives the remote span context of the §3.1 example, with its tracestate', () => {
    const context = extract({
      traceparent: `00-${TRACE_ID}-${SPAN_ID}-01`,
      tracestate: 'rojo=00f067aa0ba902b7,congo=t61rcWkgMzE',
    });
    const spanContext = trace.getSpanContext(context);
    expect(spanContext).toMatchObject({
      traceId: TRACE_ID,
      spanId: SPAN_ID,
      traceFlags: 0x01,
      isRemote: true,
    });
    expect(spanContext?.traceState?.get('congo')).toBe('t61rcWkgMzE');
  });

  it.each([
    [
      'an invalid traceparent (§3.3: tracestate not parsed)',
      { traceparent: `00-${'0'.repeat(32)}-${SPAN_ID}-01`, tracestate: 'foo=1' },
    ],
    ['a tracestate without traceparent (§4.2 step 3: discarded)', { tracestate: 'foo=1' }],
    ['no headers', {}],
    [
      'two traceparent fields',
      { traceparent: [`00-${TRACE_ID}-${SPAN_ID}-01`, `00-${TRACE_ID}-${LOCAL_SPAN_ID}-01`] },
    ],
    [
      'two traceparent fields joined by Node',
      { traceparent: `00-${TRACE_ID}-${SPAN_ID}-01, 00-${TRACE_ID}-${LOCAL_SPAN_ID}-01` },
    ],
    [
      'two higher-version fields joined by Node, the first without extra fields',
      { traceparent: `cc-${TRACE_ID}-${SPAN_ID}-01, cc-${TRACE_ID}-${LOCAL_SPAN_ID}-01` },
    ],
    ['an empty traceparent list', { traceparent: [] }],
  ])('leaves the context unchanged for %s', (_name, headers: Headers) => {
    expect(extract(headers)).toBe(ROOT_CONTEXT);
  });

  it.each([
    ['a comma and another traceparent', `-x, cc-${TRACE_ID}-${LOCAL_SPAN_ID}-01`],
    ['commas and semicolons', '-a,b;c=d'],
    ['uppercase letters and spaces', '-NOT HEX AT ALL'],
    ['control characters', '-\u0001\u007f'],
    ['non-ASCII text', '-caf\u00e9 \u20ac'],
  ])(
    'continues a higher version whatever its extra fields hold, here %s ("Versioning of traceparent": unknown fields are opaque)',
    (_name, extra) => {
      const context = extract({ traceparent: `cc-${TRACE_ID}-${SPAN_ID}-01${extra}` });
      expect(trace.getSpanContext(context)).toMatchObject({ traceId: TRACE_ID, spanId: SPAN_ID });
      expect(inject(context).traceparent).toBe(`00-${TRACE_ID}-${SPAN_ID}-01`);
    },
  );

  it('accepts a traceparent given as a list of one value', () => {
    const context = extract({ traceparent: [`00-${TRACE_ID}-${SPAN_ID}-01`] });
    expect(trace.getSpanContext(context)?.spanId).toBe(SPAN_ID);
  });

  it('keeps traceparent when tracestate is invalid (§3.3: "MUST NOT affect the parsing of traceparent")', () => {
    const context = extract({
      traceparent: `00-${TRACE_ID}-${SPAN_ID}-01`,
      tracestate: 'foo=1,FOO=2',
    });
    expect(trace.getSpanContext(context)?.traceId).toBe(TRACE_ID);
    expect(trace.getSpanContext(context)?.traceState).toBeUndefined();
  });

  it('combines several tracestate fields in their order (§3.3.1.1; W3C test_tracestate_multiple_headers_different_keys)', () => {
    const context = extract({
      traceparent: `00-${TRACE_ID}-${SPAN_ID}-00`,
      tracestate: ['foo=1,bar=2', 'rojo=1,congo=2', 'baz=3'],
    });
    expect(inject(context).tracestate).toBe('foo=1,bar=2,rojo=1,congo=2,baz=3');
  });

  it('inherits a duplicate key split over two fields as its left-most entry ("Combined Header Value"; W3C test_tracestate_duplicated_keys)', () => {
    const context = extract({
      traceparent: `00-${TRACE_ID}-${SPAN_ID}-00`,
      tracestate: ['foo=1,bar=2', 'foo=2'],
    });
    expect(trace.getSpanContext(context)?.traceState?.get('foo')).toBe('1');
    expect(inject(context).tracestate).toBe('foo=1,bar=2');
  });

  it('counts list-members over all fields (W3C test_tracestate_member_count_limit)', () => {
    const members = Array.from({ length: 33 }, (_, i) => `bar${i}=${i}`);
    const valid = extract({
      traceparent: `00-${TRACE_ID}-${SPAN_ID}-00`,
      tracestate: [members.slice(0, 10).join(','), members.slice(10, 32).join(',')],
    });
    const invalid = extract({
      traceparent: `00-${TRACE_ID}-${SPAN_ID}-00`,
      tracestate: [members.slice(0, 10).join(','), members.slice(10).join(',')],
    });
    expect(trace.getSpanContext(valid)?.traceState?.get('bar0')).toBe('0');
    expect(trace.getSpanContext(invalid)?.traceState).toBeUndefined();
  });
});

describe('TraceContextPropagator.inject', () => {
  it('sends nothing without a valid span context', () => {
    expect(inject(ROOT_CONTEXT)).toEqual({});
    const invalid = trace.setSpanContext(ROOT_CONTEXT, {
      traceId: '0'.repeat(32),
      spanId: '0'.repeat(16),
      traceFlags: 1,
    });
    expect(inject(invalid)).toEqual({});
  });

  it('passes a valid traceparent and tracestate through unchanged when no span was made (§3.4)', () => {
    const headers = {
      traceparent: `00-${TRACE_ID}-${SPAN_ID}-01`,
      tracestate: 'rojo=00f067aa0ba902b7,congo=t61rcWkgMzE',
    };
    expect(inject(extract(headers))).toEqual(headers);
  });

  it('sends a Level 2 key as it came: a digit first, "@" anywhere ("Key")', () => {
    const tracestate = `1foo=1,foo@@bar=2,${'t'.repeat(242)}@v=3`;
    const context = extract({ traceparent: `00-${TRACE_ID}-${SPAN_ID}-01`, tracestate });
    expect(inject(context).tracestate).toBe(tracestate);
  });

  it('sends one entry per key for a TraceState made by the API with duplicates ("Combined Header Value")', () => {
    const withDuplicates = trace.setSpanContext(ROOT_CONTEXT, {
      traceId: TRACE_ID,
      spanId: SPAN_ID,
      traceFlags: 1,
      traceState: { serialize: () => 'a=1,b=2,a=3' } as never,
    });
    expect(inject(withDuplicates).tracestate).toBe('a=1,b=2');
  });

  it('sends a higher version as 00 without its extra fields (§3.4 "Downgrade the version")', () => {
    const context = extract({
      traceparent: `cc-${TRACE_ID}-${SPAN_ID}-01-what-the-future-will-be-like`,
    });
    expect(inject(context).traceparent).toBe(`00-${TRACE_ID}-${SPAN_ID}-01`);
  });

  it('sends reserved flag bits as zero (§3.2.2.5.3)', () => {
    expect(inject(extract({ traceparent: `00-${TRACE_ID}-${SPAN_ID}-ff` })).traceparent).toBe(
      `00-${TRACE_ID}-${SPAN_ID}-03`,
    );
  });

  it.each([
    ['an empty tracestate header', ''],
    ['a tracestate of empty members', ' , ,'],
    ['an invalid tracestate', 'foo=1,FOO=2'],
  ])(
    'never sends an empty tracestate header, here for %s (§3.3.1.1 "SHOULD avoid sending them")',
    (_name, tracestate) => {
      const headers = inject(extract({ traceparent: `00-${TRACE_ID}-${SPAN_ID}-01`, tracestate }));
      expect(headers).toEqual({ traceparent: `00-${TRACE_ID}-${SPAN_ID}-01` });
    },
  );

  it('sends a TraceState made by the API only when it is valid', () => {
    const base = { traceId: TRACE_ID, spanId: SPAN_ID, traceFlags: 1 };
    const valid = trace.setSpanContext(ROOT_CONTEXT, {
      ...base,
      traceState: createTraceState('a=1').set('b', '2'),
    });
    const broken = trace.setSpanContext(ROOT_CONTEXT, {
      ...base,
      traceState: createTraceState('a=1').set('BAD KEY', 'x,y'),
    });
    expect(inject(valid).tracestate).toBe('b=2,a=1');
    expect(inject(broken).tracestate).toBeUndefined();
  });

  it('sends nothing when the SDK suppressed tracing (its exporters do)', () => {
    const suppressed = extract({ traceparent: `00-${TRACE_ID}-${SPAN_ID}-01` }).setValue(
      createContextKey('OpenTelemetry SDK Context Key SUPPRESS_TRACING'),
      true,
    );
    expect(inject(suppressed)).toEqual({});
  });
});

describe('the random-trace-id flag (Level 2 §3.2.2.5.2)', () => {
  it.each([
    ['03 stays 03 when the local span is sampled', '03', 0x01, '03'],
    ['03 becomes 02 when the local sampler drops the trace', '03', 0x00, '02'],
    ['02 becomes 03 when the local sampler samples it', '02', 0x01, '03'],
    ['01 stays 01: an unset flag MUST stay unset for the same trace id', '01', 0x01, '01'],
    ['00 stays 00', '00', 0x00, '00'],
  ])('is carried on for a continued trace: %s', (_name, incoming, localFlags, sent) => {
    const extracted = extract({ traceparent: `00-${TRACE_ID}-${SPAN_ID}-${incoming}` });
    const child = localChild(extracted, localFlags);
    expect(inject(child).traceparent).toBe(`00-${TRACE_ID}-${LOCAL_SPAN_ID}-${sent}`);
  });

  it('is set on a trace this process started', () => {
    const root = trace.setSpanContext(ROOT_CONTEXT, {
      traceId: TRACE_ID,
      spanId: LOCAL_SPAN_ID,
      traceFlags: 1,
    });
    expect(inject(root).traceparent).toBe(`00-${TRACE_ID}-${LOCAL_SPAN_ID}-03`);
  });

  it('is not set on a trace started here when trace ids are not random', () => {
    const notRandom = new TraceContextPropagator({ localTraceIdsAreRandom: false });
    const root = trace.setSpanContext(ROOT_CONTEXT, {
      traceId: TRACE_ID,
      spanId: LOCAL_SPAN_ID,
      traceFlags: 1,
    });
    expect(inject(root, notRandom).traceparent).toBe(`00-${TRACE_ID}-${LOCAL_SPAN_ID}-01`);
  });

  it('belongs to the trace id it came with: a new root trace inside the request gets its own', () => {
    const extracted = extract({ traceparent: `00-${TRACE_ID}-${SPAN_ID}-01` });
    const newTraceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const newRoot = trace.setSpanContext(extracted, {
      traceId: newTraceId,
      spanId: LOCAL_SPAN_ID,
      traceFlags: 1,
    });
    expect(inject(newRoot).traceparent).toBe(`00-${newTraceId}-${LOCAL_SPAN_ID}-03`);
  });

  it('is not claimed for a remote parent another propagator extracted', () => {
    const fromB3 = trace.setSpanContext(ROOT_CONTEXT, {
      traceId: TRACE_ID,
      spanId: SPAN_ID,
      traceFlags: 1,
      isRemote: true,
    });
    expect(inject(fromB3).traceparent).toBe(`00-${TRACE_ID}-${SPAN_ID}-01`);
  });
});

describe('TraceContextPropagator', () => {
  it('names the fields it reads and writes', () => {
    expect(propagator.fields()).toEqual(['traceparent', 'tracestate']);
  });

  it('rejects a bad option at construction', () => {
    expect(
      () => new TraceContextPropagator({ localTraceIdsAreRandom: 'yes' as unknown as boolean }),
    ).toThrow(TypeError);
    expect(() => new TraceContextPropagator({ random: true } as never)).toThrow(TypeError);
  });
});
