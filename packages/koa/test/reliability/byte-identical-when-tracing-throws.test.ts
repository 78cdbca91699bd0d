import { neverBreaksSuite, useTestTracing } from '@otelware/test-support';
import { koaSubjects } from './subjects';

useTestTracing();

describe.each(koaSubjects)('broken tracing never changes a response on $name', (subject) => {
  neverBreaksSuite(subject);
});
