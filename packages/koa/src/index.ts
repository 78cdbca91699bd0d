export { tracing } from './tracing';
export type { TracingOptions } from './types';
