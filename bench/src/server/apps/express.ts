import { context } from '@opentelemetry/api';
import { tracing } from '@otelware/express';
import express from 'express';
import type { AddressInfo } from 'node:net';
import { startFloorSpan } from '../floor';
import { logRequest } from '../request-log';
import type { AppTracing } from '../variant';

/** The benchmark app on Express 5: JSON body parser, a logging middleware, `/api` → `/users` routers. */
export async function startExpress(mounted: AppTracing): Promise<number> {
  const app = express();
  if (mounted === 'otelware') app.use(tracing());
  if (mounted === 'floor') {
    app.use((req, res, next) => context.with(startFloorSpan(req, res), next));
  }
  app.use(express.json());
  app.use((_req, res, next) => {
    const startedAt = performance.now();
    res.on('finish', () => logRequest(startedAt));
    next();
  });
  const users = express.Router();
  users.get('/:id', (req, res) => {
    res.json({ id: req.params.id, name: 'Ada Lovelace', roles: ['admin'] });
  });
  const api = express.Router();
  api.use('/users', users);
  app.use('/api', api);

  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return (server.address() as AddressInfo).port;
}
