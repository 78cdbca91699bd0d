// Koa 2 is installed under the alias `koa2`; its API is typed with Koa's own types.
declare module 'koa2' {
  import Koa from 'koa';
  export = Koa;
}
