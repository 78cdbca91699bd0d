import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { SimpleSpanProcessor, TracerProvider, type IdGenerator } from '@opentelemetry/sdk-trace';
import { WaterfallSpanExporter } from '../../src/waterfall/waterfall-span-exporter';
import { atMillis, collectWrites, TRACE_ID } from './fixed-span';

/** Hands out the fixed trace id and span ids 0…01, 0…02, … so the output can be exact. */
function countingIds(): IdGenerator {
  let next = 0;
  return {
    generateTraceId: () => TRACE_ID,
    generateSpanId: () => (++next).toString(16).padStart(16, '0'),
  };
}

test('prints the spans of two real tracer providers sharing one exporter as one tree', async () => {
  const out = collectWrites();
  const exporter = new WaterfallSpanExporter({
    color: false,
    width: 100,
    settleMillis: 5,
    write: out.write,
  });
  const idGenerator = countingIds();
  const providers: TracerProvider[] = [];
  const providerFor = (service: string) => {
    const provider = new TracerProvider({
      resource: resourceFromAttributes({ 'service.name': service }),
      idGenerator,
      spanProcessors: [new SimpleSpanProcessor({ exporter })],
    });
    providers.push(provider);
    return provider;
  };
  const shop = providerFor('shop').getTracer('test');
  const stock = providerFor('stock').getTracer('test');

  const request = shop.startSpan('GET /cart', { kind: SpanKind.SERVER, startTime: atMillis(0) });
  request.setAttribute('http.route', '/cart');
  const inRequest = trace.setSpan(context.active(), request);
  const lookup = stock.startSpan('reserve', { startTime: atMillis(2) }, inRequest);
  lookup.setStatus({ code: SpanStatusCode.ERROR, message: 'out of stock' });
  lookup.end(atMillis(6));
  request.setAttribute('http.response.status_code', 409);
  request.end(atMillis(10));
  // No forceFlush here: SimpleSpanProcessor's would flush the exporter too. Past settleMillis
  // the trace prints by itself.
  await new Promise((resolve) => setTimeout(resolve, 30));

  expect(out.output()).toBe(
    [
      'trace 4bf92f3577b34da6a3ce929d0e0e4736 · 2 spans · 10.0ms · services shop, stock',
      'shop GET /cart SERVER                              10.0ms [████████████████████████████████████████]',
      '│  HTTP 409 · route /cart',
      '└─ stock ✗ reserve INTERNAL                         4.0ms [        ████████████████                ]',
      '      ERROR: out of stock',
      '',
    ].join('\n'),
  );
  await Promise.all(providers.map((provider) => provider.shutdown()));
});
