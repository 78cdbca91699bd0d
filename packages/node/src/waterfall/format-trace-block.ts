import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import { nanosBetween, serviceNameOf } from './span-fields';
import { spanDetails } from './span-details';
import { spanEventLines } from './span-events';
import { type RowGeometry, rowGeometry, spanRow } from './span-row';
import { buildSpanTree, type SpanNode } from './span-tree';
import {
  fitSegments,
  renderSegments,
  type Segment,
  serviceStyle,
  STYLE,
  widthOf,
} from './styled-text';
import { formatDuration, type TimeAxis } from './time-bar';

/** What the buffer hands to the printer: the spans of one trace that are ready to draw. */
export interface TraceBlock {
  readonly traceId: string;
  readonly spans: readonly ReadableSpan[];
  /** The trace was printed before; these spans came after. */
  readonly late: boolean;
  /** Span ids of this trace printed in earlier blocks. */
  readonly printedSpanIds: ReadonlySet<string>;
  /** Spans of this trace dropped because it outgrew the per-trace cap. */
  readonly droppedSpans: number;
  /** Whole traces dropped (buffer full) since the previous block was handed out. */
  readonly droppedTraces: number;
}

export interface BlockLayout {
  readonly width: number;
  readonly color: boolean;
}

interface Drawing {
  readonly block: TraceBlock;
  readonly layout: BlockLayout;
  readonly geometry: RowGeometry;
  readonly serviceStyles: ReadonlyMap<string, string>;
  readonly lines: string[];
}

/** Draws one trace block: a header line, then each span under its parent. Ends in `\n`. */
export function formatTraceBlock(block: TraceBlock, layout: BlockLayout): string {
  if (block.spans.length === 0) return '';
  const tops = buildSpanTree(block.spans);
  const services = servicesInDrawingOrder(tops);
  const axis = timeAxisOf(block.spans);
  const drawing: Drawing = {
    block,
    layout,
    geometry: rowGeometry(layout.width, axis),
    serviceStyles: new Map(services.map((name, index) => [name, serviceStyle(index)])),
    lines: blockHeaderLines(block, services, axis.totalNanos, layout),
  };
  for (const top of tops) drawNode(drawing, top, '', '');
  return drawing.lines.join('\n') + '\n';
}

/**
 * The span's row, the lines under it (details, events), then its children. `rowGuide` is the
 * tree drawing before this span (`│  ├─ `); `childGuide` continues it for what hangs below.
 */
function drawNode(drawing: Drawing, node: SpanNode, rowGuide: string, childGuide: string) {
  const { block, layout } = drawing;
  const span = node.span;
  const style = drawing.serviceStyles.get(serviceNameOf(span));
  drawing.lines.push(
    renderSegments(spanRow(span, rowGuide, style, drawing.geometry), layout.color),
  );

  const guide: Segment = {
    text: childGuide + (node.children.length > 0 ? '│  ' : '   '),
    style: STYLE.dim,
  };
  const room = Math.max(8, layout.width - widthOf([guide]));
  const isTop = rowGuide === '';
  const details = spanDetails(span, isTop ? block.printedSpanIds : undefined);
  const under = details.length > 0 ? [details, ...spanEventLines(span)] : spanEventLines(span);
  for (const line of under) {
    drawing.lines.push(renderSegments([guide, ...fitSegments(line, room)], layout.color));
  }

  node.children.forEach((child, index) => {
    const last = index === node.children.length - 1;
    const rowGuide = childGuide + (last ? '└─ ' : '├─ ');
    drawNode(drawing, child, rowGuide, childGuide + (last ? '   ' : '│  '));
  });
}

function timeAxisOf(spans: readonly ReadableSpan[]): TimeAxis {
  const first = spans.reduce((a, b) => (nanosBetween(a.startTime, b.startTime) < 0 ? b : a));
  const last = spans.reduce((a, b) => (nanosBetween(a.endTime, b.endTime) > 0 ? b : a));
  return { start: first.startTime, totalNanos: nanosBetween(first.startTime, last.endTime) };
}

function servicesInDrawingOrder(tops: readonly SpanNode[]): string[] {
  const services = new Set<string>();
  const visit = (node: SpanNode): void => {
    services.add(serviceNameOf(node.span));
    node.children.forEach(visit);
  };
  tops.forEach(visit);
  return [...services];
}

/**
 * `trace 4bf9… · 4 spans · 25.0ms · services checkout, payments`, preceded by a notice when
 * whole traces were dropped since the last block.
 */
function blockHeaderLines(
  block: TraceBlock,
  services: readonly string[],
  totalNanos: number,
  layout: BlockLayout,
): string[] {
  const lines: string[] = [];
  const dropped = block.droppedTraces;
  if (dropped > 0) {
    const notice = `waterfall: ${dropped} trace${dropped === 1 ? '' : 's'} dropped, too many waiting to print`;
    lines.push(fitted(notice, STYLE.warning, layout));
  }
  const count = block.spans.length;
  // The services list goes last: on a narrow line it is what gets cut.
  const parts = [
    `trace ${block.traceId}`,
    ...(block.late ? ['late'] : []),
    `${count} span${count === 1 ? '' : 's'}`,
    ...(block.droppedSpans > 0 ? [`${block.droppedSpans} more dropped`] : []),
    formatDuration(totalNanos),
    `${services.length === 1 ? 'service' : 'services'} ${services.join(', ')}`,
  ];
  lines.push(fitted(parts.join(' · '), STYLE.bold, layout));
  return lines;
}

function fitted(text: string, style: string, layout: BlockLayout): string {
  return renderSegments(fitSegments([{ text, style }], layout.width), layout.color);
}
