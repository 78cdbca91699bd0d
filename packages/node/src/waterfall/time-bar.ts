import type { HrTime } from '@opentelemetry/api';
import { nanosBetween } from './span-fields';
import type { Segment } from './styled-text';

/** The trace's time axis: every bar in a block is drawn against the same start..end. */
export interface TimeAxis {
  readonly start: HrTime;
  readonly totalNanos: number;
}

/** `420µs`, `12.5ms`, `3.20s`: short enough for a fixed column, precise where it matters. */
export function formatDuration(nanos: number): string {
  const ns = Math.max(0, nanos);
  if (ns < 999_500) return `${Math.round(ns / 1e3)}µs`;
  if (ns < 999_950_000) return `${(ns / 1e6).toFixed(1)}ms`;
  return `${(ns / 1e9).toFixed(2)}s`;
}

const FILL = '█';

/**
 * `[   ████      ]`: the span's share of the axis, `cells` wide between the brackets.
 * A span shorter than one cell still gets one, so no span is invisible.
 */
export function timeBar(
  axis: TimeAxis,
  start: HrTime,
  end: HrTime,
  cells: number,
  style: string | undefined,
): Segment[] {
  const total = Math.max(axis.totalNanos, 1);
  const from = clamp(Math.floor((nanosBetween(axis.start, start) / total) * cells), 0, cells - 1);
  const to = clamp(Math.ceil((nanosBetween(axis.start, end) / total) * cells), from + 1, cells);
  return [
    { text: '[' + ' '.repeat(from) },
    { text: FILL.repeat(to - from), style },
    { text: ' '.repeat(cells - to) + ']' },
  ];
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
