import { STYLE } from './ansi-style';
import { formatDuration } from './format-duration';
import { fitSegments, renderSegments } from './styled-text';
import type { TraceBlock } from './trace-block';

/**
 * `trace 4bf9… · 4 spans · 25.0ms · services checkout, payments`, preceded by a notice when
 * whole traces were dropped since the last block.
 */
export function blockHeaderLines(
  block: TraceBlock,
  services: readonly string[],
  totalNanos: number,
  layout: { readonly width: number; readonly color: boolean },
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

function fitted(text: string, style: string, layout: { width: number; color: boolean }): string {
  return renderSegments(fitSegments([{ text, style }], layout.width), layout.color);
}
