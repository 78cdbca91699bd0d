// Express 4, installed under an npm alias; its API as used here is Express 5's.
declare module 'express4' {
  import express from 'express';
  export default express;
}
