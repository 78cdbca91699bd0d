import { RELIABILITY_BUDGET, sensitiveDataSuite, useTestTracing } from '@otelware/test-support';
import { expressSubjects } from './subjects';

useTestTracing();

const [current, older] = expressSubjects;

describe(`sensitive data on ${current?.name}`, () => {
  sensitiveDataSuite(current!, RELIABILITY_BUDGET.current.sensitive);
});

describe(`sensitive data on ${older?.name}`, () => {
  sensitiveDataSuite(older!, RELIABILITY_BUDGET.older.sensitive);
});
