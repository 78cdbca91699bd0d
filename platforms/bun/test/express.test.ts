import { tracing } from '@otelware/express';
import express, { type NextFunction, type Request, type Response } from 'express';
import express4 from 'express4';
import { describe } from 'bun:test';
import { useSdk } from './sdk';
import { serveNode } from './serve';
import { loadUser, order, readBody, serverSuite, slow } from './server-suite';

const sdk = useSdk();

/** The suite's app, on Express 4 or 5, with the README's mounting: tracing first. */
function createApp(createExpress: typeof express): express.Express {
  const app = createExpress();
  app.use(tracing());
  const api = createExpress.Router();
  // promise chains ending in next(error): Express 4 ignores what a handler returns
  api.get('/users/:id', (req: Request, res: Response, next: NextFunction) => {
    const id = req.params.id as string;
    if (id === 'unknown') res.status(404).json({ error: 'no such user' });
    else loadUser(id, req.get('traceparent')).then((user) => res.json(user), next);
  });
  api.get('/boom', () => {
    throw new TypeError('boom');
  });
  api.get('/unavailable', (_req: Request, res: Response) => {
    res.status(503).send('try later');
  });
  api.get('/orders/:id', (req: Request, res: Response, next: NextFunction) => {
    order(req.params.id as string, String(req.query.via)).then((body) => res.json(body), next);
  });
  api.get('/slow', (_req: Request, res: Response, next: NextFunction) => {
    slow().then((text) => res.send(text), next);
  });
  api.post('/echo', (req: Request, res: Response, next: NextFunction) => {
    readBody(req).then((body) => res.json(body), next);
  });
  app.use('/api', api);
  return app;
}

describe.each([
  ['Express 5', express],
  ['Express 4', express4],
])('%s under Bun', (_name, createExpress) => {
  serverSuite(sdk, {
    scope: '@otelware/express',
    start: () => serveNode(createApp(createExpress)),
  });
});
