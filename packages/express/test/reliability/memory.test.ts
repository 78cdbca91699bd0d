import { MEMORY_BUDGET, memorySuite, useTestTracing } from '@otelware/test-support';
import { expressSubjects } from './subjects';

useTestTracing();

// the current major: otelware's per-request code is the same for the older one
const [current] = expressSubjects;

describe(`memory on ${current?.name}`, () => {
  memorySuite(current!, MEMORY_BUDGET);
});
