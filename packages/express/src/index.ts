export { tracing } from './tracing';
export { recordError } from './record-error';
export type { TracingOptions } from './types';
