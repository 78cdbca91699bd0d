import {
  hostileTraceHeadersSuite,
  RELIABILITY_BUDGET,
  useTestTracing,
} from '@otelware/test-support';
import { expressSubjects } from './subjects';

useTestTracing(); // the W3C propagators and the context manager, registered globally

const [current, older] = expressSubjects;

describe(`hostile trace headers on ${current?.name}`, () => {
  hostileTraceHeadersSuite(current!, RELIABILITY_BUDGET.current.headers);
});

describe(`hostile trace headers on ${older?.name}`, () => {
  hostileTraceHeadersSuite(older!, RELIABILITY_BUDGET.older.headers);
});
