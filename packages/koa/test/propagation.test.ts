import { incomingContextSuite, useTestTracing } from '@otelware/test-support';
import { tracing } from '../src';
import { koaMajors } from './frameworks';

const otel = useTestTracing();

describe.each(koaMajors)('incoming trace context on Koa $major', ({ Koa }) => {
  incomingContextSuite(otel, (options, respond) => {
    const app = new Koa();
    app.use(tracing(options));
    app.use((ctx) => {
      ctx.body = respond();
    });
    return app.callback();
  });
});
