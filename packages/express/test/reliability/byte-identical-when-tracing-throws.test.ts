import { neverBreaksSuite, useTestTracing } from '@otelware/test-support';
import { expressSubjects } from './subjects';

useTestTracing();

describe.each(expressSubjects)('broken tracing never changes a response on $name', (subject) => {
  neverBreaksSuite(subject);
});
