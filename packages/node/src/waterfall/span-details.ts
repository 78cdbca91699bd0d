import type { AttributeValue } from '@opentelemetry/api';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import { hasRemoteParent, parentIdOf } from './span-fields';
import { type Segment, STYLE } from './styled-text';

const SEPARATOR: Segment = { text: ' · ', style: STYLE.dim };

/**
 * The line under a span: a note about its parent when it is drawn without one, the error
 * status, and the attributes that explain an HTTP span at a glance. Empty when there is
 * nothing to say. `printedSpanIds` is given for spans drawn at the top of their block.
 */
export function spanDetails(
  span: ReadableSpan,
  printedSpanIds: ReadonlySet<string> | undefined,
): Segment[] {
  const parts: Segment[] = [];
  const note = printedSpanIds && parentNote(span, printedSpanIds);
  if (note) parts.push(note);
  if (span.status.code === SpanStatusCode.ERROR) {
    const message = span.status.message ? `: ${span.status.message}` : '';
    parts.push({ text: `ERROR${message}`, style: STYLE.error });
  }
  const attributes = span.attributes;
  const status = attributes['http.response.status_code'];
  if (status !== undefined) parts.push({ text: `HTTP ${text(status)}`, style: STYLE.dim });
  const route = attributes['http.route'];
  if (route !== undefined) parts.push({ text: `route ${text(route)}`, style: STYLE.dim });
  const errorType = attributes['error.type'];
  if (errorType !== undefined) {
    parts.push({ text: `error.type ${text(errorType)}`, style: STYLE.error });
  }
  const peer = span.kind === SpanKind.CLIENT ? peerOf(span) : undefined;
  if (peer) parts.push({ text: `→ ${peer}`, style: STYLE.dim });
  return parts.flatMap((part, index) => (index === 0 ? [part] : [SEPARATOR, part]));
}

/** Why a span is drawn without its parent; nothing for the trace's root. */
function parentNote(span: ReadableSpan, printedSpanIds: ReadonlySet<string>): Segment | undefined {
  const parentId = parentIdOf(span);
  if (parentId === undefined) return undefined;
  if (printedSpanIds.has(parentId)) {
    return { text: `parent ${parentId} printed above`, style: STYLE.dim };
  }
  const remote = hasRemoteParent(span) ? ' (remote)' : '';
  return { text: `parent ${parentId}${remote} not seen`, style: STYLE.warning };
}

/** `server.address:server.port`, as the client dialled it. */
function peerOf(span: ReadableSpan): string | undefined {
  const address = span.attributes['server.address'];
  if (address === undefined) return undefined;
  const port = span.attributes['server.port'];
  return port === undefined ? text(address) : `${text(address)}:${text(port)}`;
}

function text(value: AttributeValue | undefined): string {
  return Array.isArray(value) ? value.map(String).join(',') : String(value);
}
