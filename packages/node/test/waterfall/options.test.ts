import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import { detectColor, type WaterfallOptions } from '../../src/waterfall/waterfall-options';
import { WaterfallSpanExporter } from '../../src/waterfall/waterfall-span-exporter';
import { collectWrites, fixedSpan } from './fixed-span';

const root = fixedSpan({
  spanId: '00000000000000a1',
  name: 'GET /',
  service: 'shop',
  startMs: 0,
  durationMs: 2,
});

const PLAIN = 'shop GET / INTERNAL';
const COLOURED = '\u001b[36mshop\u001b[0m \u001b[1mGET /\u001b[0m';

/** Prints `root` with `options` under a terminal and environment of our choosing. */
function printUnder(env: NodeJS.ProcessEnv, isTTY: boolean, options: WaterfallOptions = {}) {
  const saved = { env: process.env, isTTY: process.stdout.isTTY };
  process.env = env;
  process.stdout.isTTY = isTTY;
  try {
    const out = collectWrites();
    const exporter = new WaterfallSpanExporter({ settleMillis: 0, ...options, write: out.write });
    exporter.export([root as ReadableSpan], () => undefined);
    return out.output().split('\n')[1] ?? '';
  } finally {
    process.env = saved.env;
    process.stdout.isTTY = saved.isTTY;
  }
}

describe('colour', () => {
  test('is on for a terminal', () => {
    expect(printUnder({}, true)).toContain(COLOURED);
  });

  test('is off when stdout is not a terminal', () => {
    expect(printUnder({}, false)).toContain(PLAIN);
  });

  test('is off on a terminal when NO_COLOR is set', () => {
    expect(printUnder({ NO_COLOR: '1' }, true)).toContain(PLAIN);
  });

  test('the color option wins over NO_COLOR', () => {
    expect(printUnder({ NO_COLOR: '1' }, true, { color: true })).toContain(COLOURED);
  });

  test('the color option wins over a terminal', () => {
    expect(printUnder({}, true, { color: false })).toContain(PLAIN);
  });

  test.each([
    [{}, false, false],
    [{}, true, true],
    [{ NO_COLOR: '' }, true, true],
    [{ NO_COLOR: '1' }, true, false],
    [{ FORCE_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: '' }, false, true],
    [{ FORCE_COLOR: '0' }, true, false],
    [{ FORCE_COLOR: 'false' }, true, false],
    [{ FORCE_COLOR: '1', NO_COLOR: '1' }, false, true],
  ])('detectColor(%j, tty=%s) is %s', (env, isTTY, expected) => {
    expect(detectColor(env, isTTY)).toBe(expected);
  });
});

describe('width', () => {
  function widthOfRowUnder(columns: number | undefined, options: WaterfallOptions = {}) {
    const saved = process.stdout.columns;
    process.stdout.columns = columns as number;
    try {
      return [...printUnder({}, false, options)].length;
    } finally {
      process.stdout.columns = saved;
    }
  }

  test('follows the terminal within 60..120 columns, 100 without one', () => {
    expect(widthOfRowUnder(undefined)).toBe(100);
    expect(widthOfRowUnder(80)).toBe(80);
    expect(widthOfRowUnder(30)).toBe(60);
    expect(widthOfRowUnder(300)).toBe(120);
  });

  test('the width option wins', () => {
    expect(widthOfRowUnder(80, { width: 44 })).toBe(44);
  });
});

describe('bad options throw a TypeError at construction', () => {
  test.each<[string, unknown]>([
    ['write', 'stdout'],
    ['color', 'yes'],
    ['width', 39],
    ['width', 80.5],
    ['orphanTimeoutMillis', -1],
    ['orphanTimeoutMillis', Number.NaN],
    ['settleMillis', '50'],
    ['settleMillis', 2 ** 31],
  ])('%s: %p', (name, value) => {
    const construct = () => new WaterfallSpanExporter({ [name]: value } as WaterfallOptions);
    expect(construct).toThrow(TypeError);
    expect(construct).toThrow(`@otelware: option "${name}" must be`);
  });

  test('an unknown option, named', () => {
    expect(() => new WaterfallSpanExporter({ colour: true } as WaterfallOptions)).toThrow(
      new TypeError('@otelware: unknown option "colour"'),
    );
  });
});
