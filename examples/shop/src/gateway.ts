import type { TracerProvider } from '@opentelemetry/api';
import { tracing } from '@otelware/express';
import { wrapFetch } from '@otelware/fetch';
import express, { type NextFunction, type Request, type Response } from 'express';
import { listenLocally, type RunningService } from './running-service';
import { UpstreamError } from './upstream-error';

interface Upstreams {
  readonly ordersUrl: string;
  readonly usersUrl: string;
}

/** The gateway, on Express: `/api/orders/:id` through orders, `/api/users/:id` straight to users. */
export function startGateway(
  tracerProvider: TracerProvider,
  { ordersUrl, usersUrl }: Upstreams,
): Promise<RunningService> {
  const app = express();
  app.use(tracing({ tracerProvider }));
  const tracedFetch = wrapFetch(fetch, { tracerProvider });

  /** Answers with what `service` answered; its server errors become ours. */
  const relay = (service: string, url: string) => async (req: Request, res: Response) => {
    const answer = await tracedFetch(`${url}/${req.params.id}`);
    if (answer.status >= 500) throw new UpstreamError(service, answer.status);
    res.status(answer.status).json(await answer.json());
  };
  app.get('/api/orders/:id', relay('orders', `${ordersUrl}/orders`));
  app.get('/api/users/:id', relay('users', `${usersUrl}/users`));
  app.use((error: Error, _req: Request, res: Response, _next: NextFunction) => {
    res.status(500).json({ error: error.message });
  });
  return listenLocally(app.listen(0, '127.0.0.1'));
}
