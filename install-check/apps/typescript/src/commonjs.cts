// The CommonJS declarations (`dist/index.d.cts`), as a `.cts` file sees them under `nodenext`.
import otelwareExpress = require('@otelware/express');
import otelwareNode = require('@otelware/node');
import express = require('express');

otelwareNode.start({ serviceName: 'typed-cjs' });
const app = express();
app.use(otelwareExpress.tracing());

export = app;
