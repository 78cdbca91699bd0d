import { THROWN_VALUES, thrownValuesSuite, useTestTracing } from '@otelware/test-support';
import { wrapFetch } from '../src';

const otel = useTestTracing();

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
  thrownValuesSuite(THROWN_VALUES, spanOf);
});
