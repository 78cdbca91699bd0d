import { abortSuite, useTestTracing } from '@otelware/test-support';
import { expressSubjects } from './subjects';

useTestTracing();

describe.each(expressSubjects)('client aborts on $name', (subject) => {
  abortSuite(subject);
});
