import { neverBreaksSuite, useTestTracing } from '@otelware/test-support';
import { fastifySubjects } from './subjects';

useTestTracing();

describe.each(fastifySubjects)('broken tracing never changes a response on $name', (subject) => {
  neverBreaksSuite(subject);
});
