/** SGR parameters of the few ANSI styles the waterfall uses. */
export const STYLE = {
  bold: '1',
  dim: '2',
  error: '1;31',
  warning: '33',
} as const;

/** Bar and service-name colours, handed out per trace in order of first appearance. */
const SERVICE_COLOURS = ['36', '35', '34', '32', '96', '95', '94', '92'] as const;

export function serviceStyle(index: number): string {
  return SERVICE_COLOURS[index % SERVICE_COLOURS.length] ?? STYLE.bold;
}

function paint(text: string, sgr: string | undefined, color: boolean): string {
  // Whitespace looks the same in any style; leaving it bare keeps the escape codes few.
  if (!color || sgr === undefined || text.trim() === '') return text;
  return `\u001b[${sgr}m${text}\u001b[0m`;
}

/** A run of text with one optional style; a line is a list of them. */
export interface Segment {
  readonly text: string;
  readonly style?: string | undefined;
}

const ELLIPSIS = '…';
// Span names, messages and attribute values come from the app (and so from its users):
// control characters would break the layout, and ESC could restyle the terminal.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;

export function widthOf(segments: readonly Segment[]): number {
  return segments.reduce((sum, segment) => sum + [...segment.text].length, 0);
}

/**
 * Cleans the text and cuts it to `width` columns (ending in `…` when cut), padding with
 * spaces to exactly `width` when `pad` is set. Counts code points: wide characters (CJK,
 * emoji) take two columns on screen and so can push a line out of line.
 */
export function fitSegments(segments: readonly Segment[], width: number, pad = false): Segment[] {
  const fitted: Segment[] = [];
  let room = width;
  const cleaned = segments.map((s) => ({ ...s, text: s.text.replace(CONTROL_CHARACTERS, ' ') }));
  const total = widthOf(cleaned);
  for (const segment of cleaned) {
    const chars = [...segment.text];
    if (total <= width || chars.length < room) {
      fitted.push(segment);
      room -= chars.length;
      continue;
    }
    if (room > 0) fitted.push({ ...segment, text: chars.slice(0, room - 1).join('') + ELLIPSIS });
    room = 0;
    break;
  }
  if (pad && room > 0) fitted.push({ text: ' '.repeat(room) });
  return fitted;
}

/** Joins the segments, painting runs of one style with a single escape sequence. */
export function renderSegments(segments: readonly Segment[], color: boolean): string {
  const runs: { text: string; style: string | undefined }[] = [];
  for (const segment of segments) {
    const last = runs[runs.length - 1];
    if (last && last.style === segment.style) last.text += segment.text;
    else runs.push({ text: segment.text, style: segment.style });
  }
  return runs.map((run) => paint(run.text, run.style, color)).join('');
}
