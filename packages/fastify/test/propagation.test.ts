import { incomingContextSuite, useTestTracing } from '@otelware/test-support';
import { tracing } from '../src';
import { fastifyMajors } from './frameworks';

const otel = useTestTracing();

describe.each(fastifyMajors)('incoming trace context on Fastify $major', ({ fastify }) => {
  incomingContextSuite(otel, async (options, respond) => {
    const app = fastify();
    await app.register(tracing, options ?? {});
    app.get('/', async () => respond());
    await app.ready();
    return app.server;
  });
});
