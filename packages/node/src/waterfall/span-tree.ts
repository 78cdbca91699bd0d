import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import { nanosBetween, parentIdOf, spanIdOf } from './span-fields';

export interface SpanNode {
  readonly span: ReadableSpan;
  readonly children: SpanNode[];
}

/**
 * Arranges one trace's spans the way tracing UIs draw them: each span under its parent,
 * siblings by start time. Spans whose parent is not among `spans` (the root, orphans, late
 * arrivals) become top nodes, so every span is drawn exactly once.
 */
export function buildSpanTree(spans: readonly ReadableSpan[]): SpanNode[] {
  const nodes = new Map<string, SpanNode>();
  for (const span of spans) {
    const id = spanIdOf(span);
    if (!nodes.has(id)) nodes.set(id, { span, children: [] });
  }
  const tops: SpanNode[] = [];
  for (const node of nodes.values()) {
    const parentId = parentIdOf(node.span);
    const parent = parentId === undefined ? undefined : nodes.get(parentId);
    if (parent && parent !== node) parent.children.push(node);
    else tops.push(node);
  }
  rescueCycles(nodes, tops);
  sortByStart(tops);
  return tops;
}

/** Spans that are each other's ancestors never hang below a top node; draw them as tops. */
function rescueCycles(nodes: Map<string, SpanNode>, tops: SpanNode[]): void {
  const reached = new Set<SpanNode>();
  for (const top of tops) markSubtree(top, reached);
  for (const node of nodes.values()) {
    if (reached.has(node)) continue;
    for (const other of nodes.values()) {
      const index = other.children.indexOf(node);
      if (index >= 0) other.children.splice(index, 1);
    }
    tops.push(node);
    markSubtree(node, reached);
  }
}

function markSubtree(root: SpanNode, reached: Set<SpanNode>): void {
  const stack = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (reached.has(node)) continue;
    reached.add(node);
    stack.push(...node.children);
  }
}

function sortByStart(nodes: SpanNode[]): void {
  nodes.sort(
    (a, b) =>
      nanosBetween(b.span.startTime, a.span.startTime) ||
      spanIdOf(a.span).localeCompare(spanIdOf(b.span)),
  );
  for (const node of nodes) sortByStart(node.children);
}
