import { randomBytes } from 'node:crypto';
import type { BenchChild } from './child-process';
import type { ReportedSpan } from './messages';
import { REQUEST_PATH, ROUTE_TEMPLATE, type ServerVariantSpec } from './variants';

export interface Verdict {
  readonly ok: boolean;
  readonly problems: readonly string[];
  readonly spans: readonly ReportedSpan[];
}

function serverSpanProblems(
  span: ReportedSpan | undefined,
  traceId: string,
  parentId: string,
): string[] {
  if (span === undefined) return ['no SERVER span in the incoming trace'];
  const problems: string[] = [];
  if (span.parentSpanId !== parentId) problems.push(`parent ${span.parentSpanId}, not ${parentId}`);
  if (span.traceId !== traceId) problems.push(`trace ${span.traceId}, not ${traceId}`);
  if (span.name !== `GET ${ROUTE_TEMPLATE}`) problems.push(`name '${span.name}'`);
  if (span.attributes['http.route'] !== ROUTE_TEMPLATE) {
    problems.push(`http.route ${String(span.attributes['http.route'])}`);
  }
  if (span.attributes['http.response.status_code'] !== 200) {
    problems.push(`status code ${String(span.attributes['http.response.status_code'])}`);
  }
  return problems;
}

/**
 * Sends one request with a sampled `traceparent` and checks what the server
 * exported: a traced variant must yield exactly one SERVER span with the route as
 * its name and `http.route`, the incoming span as parent, and status 200; the
 * others must yield no SERVER span. The response body must be the app's.
 */
export async function verifyServer(
  server: BenchChild,
  variant: ServerVariantSpec,
): Promise<Verdict> {
  const traceId = randomBytes(16).toString('hex');
  const parentId = randomBytes(8).toString('hex');
  await server.ask({ type: 'keep-spans' }, 'keeping');
  const response = await fetch(`http://127.0.0.1:${server.port}${REQUEST_PATH}`, {
    headers: { traceparent: `00-${traceId}-${parentId}-01` },
  });
  const body = (await response.json()) as { id?: unknown };
  const { spans } = await server.ask({ type: 'take-spans' }, 'spans');

  const problems: string[] = [];
  if (response.status !== 200 || body.id !== '42') problems.push(`response ${response.status}`);
  const serverSpans = spans.filter((span) => span.kind === 1 && span.traceId === traceId);
  if (variant.expect === 'server-span') {
    if (serverSpans.length > 1) problems.push(`${serverSpans.length} SERVER spans`);
    problems.push(...serverSpanProblems(serverSpans[0], traceId, parentId));
  } else if (spans.some((span) => span.kind === 1)) {
    problems.push('a SERVER span where none should be');
  }
  return { ok: problems.length === 0, problems, spans };
}
