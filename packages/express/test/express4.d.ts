// Express 4 is installed under the alias `express4`; its API is typed with Express's own types.
declare module 'express4' {
  import express from 'express';
  export = express;
}
