import { concurrencySuite, RELIABILITY_BUDGET, useTestTracing } from '@otelware/test-support';
import { koaSubjects } from './subjects';

useTestTracing(); // the context manager the handlers' active spans come from

const [current, older] = koaSubjects;

describe(`concurrent requests on ${current?.name}`, () => {
  concurrencySuite(current!, RELIABILITY_BUDGET.current.concurrent);
});

describe(`concurrent requests on ${older?.name}`, () => {
  concurrencySuite(older!, RELIABILITY_BUDGET.older.concurrent);
});
