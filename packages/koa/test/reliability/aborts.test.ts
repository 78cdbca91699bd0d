import { abortSuite, useTestTracing } from '@otelware/test-support';
import { koaSubjects } from './subjects';

useTestTracing();

describe.each(koaSubjects)('client aborts on $name', (subject) => {
  abortSuite(subject);
});
