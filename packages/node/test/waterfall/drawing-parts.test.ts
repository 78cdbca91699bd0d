import { spanIdOf } from '../../src/waterfall/span-fields';
import { buildSpanTree, type SpanNode } from '../../src/waterfall/span-tree';
import { fitSegments } from '../../src/waterfall/styled-text';
import { formatDuration, timeBar } from '../../src/waterfall/time-bar';
import { atMillis, fixedSpan } from './fixed-span';

function span(spanId: string, parentSpanId: string | undefined, startMs: number) {
  return fixedSpan({ spanId, parentSpanId, name: spanId, service: 's', startMs, durationMs: 1 });
}

/** `a(b c(d))`: the tree as a string of span ids. */
function shape(nodes: readonly SpanNode[]): string {
  return nodes
    .map((node) => {
      const children = node.children.length > 0 ? `(${shape(node.children)})` : '';
      return spanIdOf(node.span) + children;
    })
    .join(' ');
}

describe('buildSpanTree', () => {
  test('hangs each span under its parent, siblings by start time', () => {
    const tops = buildSpanTree([
      span('c', 'a', 5),
      span('d', 'c', 6),
      span('b', 'a', 1),
      span('a', undefined, 0),
    ]);
    expect(shape(tops)).toBe('a(b c(d))');
  });

  test('draws a span exported twice once', () => {
    expect(shape(buildSpanTree([span('a', undefined, 0), span('a', undefined, 0)]))).toBe('a');
  });

  test('still draws spans that claim each other as parents', () => {
    expect(shape(buildSpanTree([span('a', 'b', 0), span('b', 'a', 1)]))).toBe('a(b)');
  });

  test('a span naming itself as parent is drawn at the top', () => {
    expect(shape(buildSpanTree([span('a', 'a', 0)]))).toBe('a');
  });
});

test.each([
  [0, '0µs'],
  [420_000, '420µs'],
  [999_499, '999µs'],
  [999_500, '1.0ms'],
  [12_345_678, '12.3ms'],
  [999_949_999, '999.9ms'],
  [999_950_000, '1.00s'],
  [83_456_000_000, '83.46s'],
  [-5, '0µs'],
])('formatDuration(%d ns) is %s', (nanos, text) => {
  expect(formatDuration(nanos)).toBe(text);
});

describe('timeBar', () => {
  const axis = { start: atMillis(0), totalNanos: 100e6 };
  const bar = (fromMs: number, toMs: number) =>
    timeBar(axis, atMillis(fromMs), atMillis(toMs), 10, undefined)
      .map((segment) => segment.text)
      .join('');

  test('places the span on the trace axis', () => {
    expect(bar(0, 100)).toBe('[██████████]');
    expect(bar(20, 50)).toBe('[  ███     ]');
  });

  test('gives a span too short to see one cell', () => {
    expect(bar(0, 0)).toBe('[█         ]');
    expect(bar(100, 100)).toBe('[         █]');
  });
});

describe('fitSegments', () => {
  test('leaves text that fits alone, padding on request', () => {
    expect(fitSegments([{ text: 'ab' }, { text: 'c' }], 5, true)).toEqual([
      { text: 'ab' },
      { text: 'c' },
      { text: '  ' },
    ]);
  });

  test('cuts at the width with an ellipsis, keeping the style of the cut run', () => {
    const red = '31';
    expect(fitSegments([{ text: 'abc' }, { text: 'defgh', style: red }], 6)).toEqual([
      { text: 'abc' },
      { text: 'de…', style: red },
    ]);
  });
});
