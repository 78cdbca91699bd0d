import type { ReadableSpan, TimedEvent } from '@opentelemetry/sdk-trace';
import { nanosBetween } from './span-fields';
import { type Segment, STYLE } from './styled-text';
import { formatDuration } from './time-bar';

// A span that logs hundreds of events would bury the tree; the first few tell the story.
const MAX_EVENTS_SHOWN = 3;

/** One short line per event: `• +9.0ms exception TypeError: card declined`. */
export function spanEventLines(span: ReadableSpan): Segment[][] {
  const events = span.events ?? [];
  const lines = events.slice(0, MAX_EVENTS_SHOWN).map((event) => eventLine(span, event));
  const hidden = events.length - MAX_EVENTS_SHOWN + (span.droppedEventsCount ?? 0);
  if (hidden > 0 && lines.length > 0) {
    lines.push([{ text: `• … ${hidden} more event${hidden === 1 ? '' : 's'}`, style: STYLE.dim }]);
  }
  return lines;
}

function eventLine(span: ReadableSpan, event: TimedEvent): Segment[] {
  const offset = formatDuration(nanosBetween(span.startTime, event.time));
  if (event.name !== 'exception') return [{ text: `• +${offset} ${event.name}`, style: STYLE.dim }];
  return [
    { text: `• +${offset} `, style: STYLE.dim },
    { text: `exception${exceptionSummary(event)}`, style: STYLE.error },
  ];
}

/** ` TypeError: boom` from the exception semantic-convention attributes, whichever exist. */
function exceptionSummary(event: TimedEvent): string {
  const type = event.attributes?.['exception.type'];
  const message = event.attributes?.['exception.message'];
  const parts = [type, message].filter((part) => part !== undefined && part !== '').map(String);
  return parts.length === 0 ? '' : ` ${parts.join(': ')}`;
}
