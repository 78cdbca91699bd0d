import assert from 'node:assert/strict';

export const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
export const PARENT_ID = '00f067aa0ba902b7';
export const TRACEPARENT = `00-${TRACE_ID}-${PARENT_ID}-01`;

/** The `OTELWARE-CHECK {…}` lines an app printed (apps/shared/exercise.cjs), parsed. */
export function reportsIn(stdout) {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('OTELWARE-CHECK '))
    .map((line) => JSON.parse(line.slice('OTELWARE-CHECK '.length)));
}

/**
 * What every app must have recorded for its two requests: GET /api/users/42 answered 200 as a
 * SERVER span named by the route template, child of the incoming traceparent, status UNSET; and
 * GET /api/boom answered 500, a root SERVER span with status ERROR and one `exception` event.
 */
export function assertSpans(responses, reported) {
  const spans = reported.map(normalize);
  assert.deepEqual(responses, { users: 200, usersBody: '{"id":"42"}', boom: 500 });
  assert.equal(spans.length, 2, `two spans, got ${JSON.stringify(spans)}`);
  const users = spans.find((span) => span.route === '/api/users/:id');
  const boom = spans.find((span) => span.route === '/api/boom');
  assert.ok(users && boom, `spans for both routes, got ${JSON.stringify(spans)}`);
  assert.deepEqual(users, {
    name: 'GET /api/users/:id',
    kind: 'SERVER',
    traceId: TRACE_ID,
    parentSpanId: PARENT_ID,
    status: 'UNSET',
    route: '/api/users/:id',
    statusCode: 200,
    events: [],
  });
  assert.notEqual(boom.traceId, TRACE_ID);
  assert.deepEqual(
    { ...boom, traceId: undefined },
    {
      name: 'GET /api/boom',
      kind: 'SERVER',
      traceId: undefined,
      parentSpanId: undefined,
      status: 'ERROR',
      route: '/api/boom',
      statusCode: 500,
      events: [{ name: 'exception', type: 'TypeError', message: 'boom' }],
    },
  );
}

/** The same keys for every span, absent ones as `undefined` (JSON drops them). */
function normalize(span) {
  const { name, kind, traceId, parentSpanId, status, route, statusCode, events } = span;
  return { name, kind, traceId, parentSpanId, status, route, statusCode, events };
}
