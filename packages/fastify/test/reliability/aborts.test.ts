import { abortSuite, useTestTracing } from '@otelware/test-support';
import { fastifySubjects } from './subjects';

useTestTracing();

describe.each(fastifySubjects)('client aborts on $name', (subject) => {
  abortSuite(subject);
});
