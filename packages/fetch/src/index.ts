export { instrumentFetch, wrapFetch } from './wrap-fetch';
export type {
  FetchInput,
  FetchRequestInfo,
  FetchTracingOptions,
  PropagateTo,
  RequestLike,
} from './types';
