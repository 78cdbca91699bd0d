import { SpanStatusCode } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import { kindNameOf, nanosBetween, serviceNameOf } from './span-fields';
import { fitSegments, type Segment, STYLE, widthOf } from './styled-text';
import { formatDuration, timeBar, type TimeAxis } from './time-bar';

/** Where the columns of a span row fall: label (tree guides included), duration, bar. */
export interface RowGeometry {
  readonly axis: TimeAxis;
  readonly labelWidth: number;
  readonly barCells: number;
}

const DURATION_WIDTH = 8;
// Deep trees eat the label column; below this the name is unreadable, so the line grows instead.
const MIN_LABEL_WIDTH = 8;

/** The bar takes two fifths of the line, within bounds; the label column gets the rest. */
export function rowGeometry(width: number, axis: TimeAxis): RowGeometry {
  const barCells = Math.min(60, Math.max(10, Math.floor(width * 0.4)));
  // 4: the spaces around the duration and the bar's brackets
  return { axis, barCells, labelWidth: width - DURATION_WIDTH - barCells - 4 };
}

/** `├─ shop GET /orders/:id SERVER     12.5ms [  ████    ]` */
export function spanRow(
  span: ReadableSpan,
  treeGuide: string,
  serviceStyle: string | undefined,
  geometry: RowGeometry,
): Segment[] {
  const failed = span.status.code === SpanStatusCode.ERROR;
  const label: Segment[] = [
    { text: serviceNameOf(span), style: serviceStyle },
    { text: ' ' },
    ...(failed ? [{ text: '✗ ', style: STYLE.error }] : []),
    { text: span.name, style: failed ? STYLE.error : STYLE.bold },
    { text: ' ' },
    { text: kindNameOf(span), style: STYLE.dim },
  ];
  const guide: Segment = { text: treeGuide, style: STYLE.dim };
  const labelRoom = Math.max(MIN_LABEL_WIDTH, geometry.labelWidth - widthOf([guide]));
  const duration = formatDuration(nanosBetween(span.startTime, span.endTime));
  const barStyle = failed ? STYLE.error : serviceStyle;
  const { axis, barCells } = geometry;
  return [
    guide,
    ...fitSegments(label, labelRoom, true),
    { text: ' ' + duration.padStart(DURATION_WIDTH) + ' ' },
    ...timeBar(axis, span.startTime, span.endTime, barCells, barStyle),
  ];
}
