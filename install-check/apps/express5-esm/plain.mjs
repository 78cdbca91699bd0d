// Express 5, native ESM, no SDK code at all: run with `node --import @otelware/node/start`,
// which exports over OTLP to the runner (OTEL_EXPORTER_OTLP_TRACES_ENDPOINT).
import express from 'express';
import { tracing } from '@otelware/express';
import { exercise, report } from './exercise.cjs';

const app = express();
app.use(tracing());
const api = express.Router();
api.get('/users/:id', (req, res) => res.json({ id: req.params.id }));
api.get('/boom', async () => {
  throw new TypeError('boom');
});
app.use('/api', api);

const server = app.listen(0, '127.0.0.1', async () => {
  await report(await exercise(`http://127.0.0.1:${server.address().port}`));
  server.close(); // the event loop runs dry: start()'s beforeExit hook exports the spans
});
