// Express 5, native ESM, the SDK set up by @otelware/node's start() with an in-memory exporter.
import { start } from '@otelware/node';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace';
import express from 'express';
import { tracing } from '@otelware/express';
import { exercise, report } from './exercise.cjs';

const exporter = new InMemorySpanExporter();
start({ serviceName: 'check', spanProcessors: [new SimpleSpanProcessor({ exporter })] });

const app = express();
app.use(tracing());
const api = express.Router();
api.get('/users/:id', (req, res) => res.json({ id: req.params.id }));
api.get('/boom', async () => {
  throw new TypeError('boom'); // Express 5 passes a rejected promise to next(err)
});
app.use('/api', api);

const server = app.listen(0, '127.0.0.1', async () => {
  const responses = await exercise(`http://127.0.0.1:${server.address().port}`);
  await report(responses, exporter);
  server.close();
});
