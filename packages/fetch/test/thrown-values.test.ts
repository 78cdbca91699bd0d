import { SpanStatusCode } from '@opentelemetry/api';
import { ATTR_ERROR_TYPE } from '@opentelemetry/semantic-conventions';
import { THROWN_VALUES, useDiagMessages, useTestTracing } from '@otelware/test-support';
import { wrapFetch } from '../src';

const otel = useTestTracing();
const diagMessages = useDiagMessages();

/** A fetch that rejects with `value`, as a wrapped client library may. */
function rejectingFetch(value: unknown) {
  return (_input: string, _init?: RequestInit): Promise<Response> => Promise.reject(value);
}

async function spanOf(value: unknown) {
  const outcome = await wrapFetch(rejectingFetch(value))('http://127.0.0.1:9/').then(
    () => 'resolved',
    (reason: unknown) => reason,
  );
  expect(outcome).toBe(value);
  const [span] = await otel.spans(1);
  return span!;
}

describe('a fetch that rejects with a value that is not an Error', () => {
  it.each(THROWN_VALUES)(
    'records $label as ERROR, its error.type and one exception event',
    async ({ value, event, errorType }) => {
      const span = await spanOf(value);
      expect(span.status.code).toBe(SpanStatusCode.ERROR);
      expect(span.attributes[ATTR_ERROR_TYPE]).toBe(errorType);
      const events = span.events.filter(({ name }) => name === 'exception');
      expect(events.map(({ attributes }) => attributes)).toEqual([event]);
    },
  );

  it.each(THROWN_VALUES)('records $label without a diag warning', async ({ value }) => {
    await spanOf(value);
    expect(diagMessages).toEqual([]);
  });
});
