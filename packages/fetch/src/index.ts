export { wrapFetch } from './wrap-fetch';
export { instrumentFetch } from './instrument-fetch';
export type {
  FetchInput,
  FetchRequestInfo,
  FetchTracingOptions,
  PropagateTo,
  RequestLike,
} from './types';
