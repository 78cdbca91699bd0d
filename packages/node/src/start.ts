// The import-only entry: `node --import @otelware/node/start app.js` (ESM) or
// `node --require @otelware/node/start app.js` (CommonJS) sets up tracing from the
// OTEL_* environment variables before the app's first line runs.
import { start } from './start-tracing';

start();
