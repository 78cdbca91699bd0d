import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { SpanStatusCode } from '@opentelemetry/api';
import { STYLE, serviceStyle } from './ansi-style';
import { formatDuration } from './format-duration';
import {
  hasRemoteParent,
  kindNameOf,
  nanosBetween,
  parentIdOf,
  serviceNameOf,
} from './span-fields';
import { spanDetails } from './span-details';
import { spanEventLines } from './span-events';
import { buildSpanTree, type SpanNode } from './span-tree';
import { fitSegments, renderSegments, type Segment, widthOf } from './styled-text';
import { timeBar, type TimeAxis } from './time-bar';
import type { TraceBlock } from './trace-block';

export interface BlockLayout {
  readonly width: number;
  readonly color: boolean;
}

const DURATION_WIDTH = 8;
// Deep trees eat the label column; below this the name is unreadable, so the line grows instead.
const MIN_LABEL_WIDTH = 8;

interface Drawing {
  readonly layout: BlockLayout;
  readonly axis: TimeAxis;
  readonly barCells: number;
  readonly labelWidth: number;
  readonly serviceStyles: Map<string, string>;
  readonly block: TraceBlock;
  readonly lines: string[];
}

/** Draws one trace block: a header line, then each span under its parent. Ends in `\n`. */
export function formatTraceBlock(block: TraceBlock, layout: BlockLayout): string {
  if (block.spans.length === 0) return '';
  const tops = buildSpanTree(block.spans);
  const services = servicesInDrawingOrder(tops);
  const barCells = Math.min(60, Math.max(10, Math.floor(layout.width * 0.4)));
  const drawing: Drawing = {
    layout,
    axis: timeAxisOf(block.spans),
    barCells,
    labelWidth: layout.width - DURATION_WIDTH - barCells - 4,
    serviceStyles: new Map(services.map((name, index) => [name, serviceStyle(index)])),
    block,
    lines: [],
  };
  if (block.droppedTraces > 0) drawing.lines.push(droppedNotice(block.droppedTraces, layout));
  drawing.lines.push(header(block, services, drawing.axis, layout));
  for (const top of tops) drawNode(drawing, top, '', '');
  return drawing.lines.join('\n') + '\n';
}

function droppedNotice(count: number, layout: BlockLayout): string {
  const text = `waterfall: ${count} trace${count === 1 ? '' : 's'} dropped, too many waiting to print`;
  return renderSegments(fitSegments([{ text, style: STYLE.warning }], layout.width), layout.color);
}

function header(block: TraceBlock, services: string[], axis: TimeAxis, layout: BlockLayout) {
  const count = block.spans.length;
  // The services list goes last: on a narrow line it is what gets cut.
  const parts = [
    `trace ${block.traceId}`,
    ...(block.late ? ['late'] : []),
    `${count} span${count === 1 ? '' : 's'}`,
    ...(block.droppedSpans > 0 ? [`${block.droppedSpans} more dropped`] : []),
    formatDuration(axis.totalNanos),
    `${services.length === 1 ? 'service' : 'services'} ${services.join(', ')}`,
  ];
  const segments = fitSegments([{ text: parts.join(' · '), style: STYLE.bold }], layout.width);
  return renderSegments(segments, layout.color);
}

function drawNode(drawing: Drawing, node: SpanNode, linePrefix: string, childPrefix: string) {
  const { layout } = drawing;
  const span = node.span;
  drawing.lines.push(spanRow(drawing, span, linePrefix));
  const underPrefix = childPrefix + (node.children.length > 0 ? '│  ' : '   ');
  const room = Math.max(MIN_LABEL_WIDTH, layout.width - widthOf([{ text: underPrefix }]));
  const details = spanDetails(span, parentNote(drawing.block, span, linePrefix === ''));
  for (const line of details.length > 0
    ? [details, ...spanEventLines(span)]
    : spanEventLines(span)) {
    const guide: Segment = { text: underPrefix, style: STYLE.dim };
    drawing.lines.push(renderSegments([guide, ...fitSegments(line, room)], layout.color));
  }
  node.children.forEach((child, index) => {
    const last = index === node.children.length - 1;
    drawNode(
      drawing,
      child,
      childPrefix + (last ? '└─ ' : '├─ '),
      childPrefix + (last ? '   ' : '│  '),
    );
  });
}

/** `├─ shop GET /orders/:id SERVER     12.5ms [  ████    ]` */
function spanRow(drawing: Drawing, span: ReadableSpan, prefix: string): string {
  const service = serviceNameOf(span);
  const style = drawing.serviceStyles.get(service);
  const failed = span.status.code === SpanStatusCode.ERROR;
  const label: Segment[] = [
    { text: service, style },
    { text: ' ' },
    ...(failed ? [{ text: '✗ ', style: STYLE.error }] : []),
    { text: span.name, style: failed ? STYLE.error : STYLE.bold },
    { text: ' ' },
    { text: kindNameOf(span), style: STYLE.dim },
  ];
  const labelRoom = Math.max(MIN_LABEL_WIDTH, drawing.labelWidth - widthOf([{ text: prefix }]));
  const duration = formatDuration(nanosBetween(span.startTime, span.endTime));
  const barStyle = failed ? STYLE.error : style;
  const row: Segment[] = [
    { text: prefix, style: STYLE.dim },
    ...fitSegments(label, labelRoom, true),
    { text: ' ' + duration.padStart(DURATION_WIDTH) + ' ' },
    ...timeBar(drawing.axis, span.startTime, span.endTime, drawing.barCells, barStyle),
  ];
  return renderSegments(row, drawing.layout.color);
}

/** Why a span is drawn at the top without its parent; nothing for the trace's root. */
function parentNote(block: TraceBlock, span: ReadableSpan, isTop: boolean): Segment | undefined {
  const parentId = parentIdOf(span);
  if (!isTop || parentId === undefined) return undefined;
  if (block.printedSpanIds.has(parentId)) {
    return { text: `parent ${parentId} printed above`, style: STYLE.dim };
  }
  const remote = hasRemoteParent(span) ? ' (remote)' : '';
  return { text: `parent ${parentId}${remote} not seen`, style: STYLE.warning };
}

function timeAxisOf(spans: readonly ReadableSpan[]): TimeAxis {
  const first = spans.reduce((a, b) => (nanosBetween(a.startTime, b.startTime) < 0 ? b : a));
  const last = spans.reduce((a, b) => (nanosBetween(a.endTime, b.endTime) > 0 ? b : a));
  return { start: first.startTime, totalNanos: nanosBetween(first.startTime, last.endTime) };
}

function servicesInDrawingOrder(tops: SpanNode[]): string[] {
  const services = new Set<string>();
  const visit = (node: SpanNode): void => {
    services.add(serviceNameOf(node.span));
    node.children.forEach(visit);
  };
  tops.forEach(visit);
  return [...services];
}
