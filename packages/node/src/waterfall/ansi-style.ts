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

export function paint(text: string, sgr: string | undefined, color: boolean): string {
  // Whitespace looks the same in any style; leaving it bare keeps the escape codes few.
  if (!color || sgr === undefined || text.trim() === '') return text;
  return `\u001b[${sgr}m${text}\u001b[0m`;
}
