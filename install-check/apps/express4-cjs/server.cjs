'use strict';
// Express 4, CommonJS, the SDK set up by hand (sdk-trace 3 + context-async-hooks + core).
const { exercise, report, memorySdk } = require('./exercise.cjs');

const exporter = memorySdk();
const express = require('express');
const { tracing } = require('@otelware/express');

const app = express();
app.use(tracing());
const api = express.Router();
api.get('/users/:id', (req, res) => res.json({ id: req.params.id }));
api.get('/boom', () => {
  throw new TypeError('boom');
});
app.use('/api', api);

const server = app.listen(0, '127.0.0.1', async () => {
  const responses = await exercise(`http://127.0.0.1:${server.address().port}`);
  await report(responses, exporter);
  server.close();
});
