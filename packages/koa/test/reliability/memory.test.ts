import { MEMORY_BUDGET, memorySuite, useTestTracing } from '@otelware/test-support';
import { koaSubjects } from './subjects';

useTestTracing();

// the current major: otelware's per-request code is the same for the older one
const [current] = koaSubjects;

describe(`memory on ${current?.name}`, () => {
  memorySuite(current!, MEMORY_BUDGET);
});
