// Import-only entry: `node --import @otelware/node/start app.js`. Filled in by the set-up work.
export {};
