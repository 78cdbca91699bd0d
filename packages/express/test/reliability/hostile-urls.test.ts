import { hostileUrlsSuite, RELIABILITY_BUDGET, useTestTracing } from '@otelware/test-support';
import { expressSubjects } from './subjects';

useTestTracing();

const [current, older] = expressSubjects;

describe(`hostile URLs and methods on ${current?.name}`, () => {
  hostileUrlsSuite(current!, RELIABILITY_BUDGET.current.urls);
});

describe(`hostile URLs and methods on ${older?.name}`, () => {
  hostileUrlsSuite(older!, RELIABILITY_BUDGET.older.urls);
});
