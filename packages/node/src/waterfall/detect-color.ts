/**
 * Whether to colour by default. Follows Node's own precedence (see `tty.getColorDepth`):
 * `FORCE_COLOR` wins when set (`0` and `false` mean off), then a non-empty `NO_COLOR`
 * (https://no-color.org) turns colour off, then colour only on a terminal.
 */
export function detectColor(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  const noColor = env['NO_COLOR'];
  if (noColor !== undefined && noColor !== '') return false;
  return isTTY;
}
