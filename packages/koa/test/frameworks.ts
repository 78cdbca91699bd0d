import Koa3 from 'koa';
import Koa2 from 'koa2';

/** Both supported majors, for `describe.each`: every behaviour is tested on each. */
export const koaMajors = [
  { major: 3, Koa: Koa3 },
  { major: 2, Koa: Koa2 },
] as const;
