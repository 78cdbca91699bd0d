import express5 from 'express';
import express4 from 'express4';

/** Both supported majors, for `describe.each`: every behaviour is tested on each. */
export const expressMajors = [
  { major: 5, express: express5 },
  { major: 4, express: express4 },
] as const;
