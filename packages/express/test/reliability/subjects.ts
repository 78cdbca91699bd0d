import { listenOnLoopback, type ServerSubject } from '@otelware/test-support';
import type { NextFunction, Request, Response } from 'express';
import http from 'node:http';
import { tracing } from '../../src';
import { expressMajors } from '../frameworks';

/** Express 5 and 4 serving the reliability suites' neutral routes. */
export const expressSubjects: ServerSubject[] = expressMajors.map(({ major, express }) => ({
  name: `Express ${major}`,
  scope: '@otelware/express',
  start(routes, options, serverOptions = {}) {
    const app = express();
    if (options !== undefined) app.use(tracing(options));
    app.all('/items/:id', (req: Request, res: Response, next: NextFunction) => {
      Promise.resolve()
        .then(() => routes.text(String(req.params['id'])))
        .then((text) => res.type('text/plain').send(text), next);
    });
    app.get('/stream/:id', (req: Request, res: Response) => {
      res.type('text/plain');
      routes.stream(String(req.params['id'])).pipe(res);
    });
    // the app's own answer to errors (bad %-escapes): Express's default page shows a
    // stack trace, which differs with the call path, and logs it
    app.use((error: { status?: number }, _req: Request, res: Response, _next: NextFunction) => {
      res
        .status(error.status ?? 500)
        .type('text/plain')
        .send('failed');
    });
    return listenOnLoopback(http.createServer(serverOptions, app));
  },
}));
