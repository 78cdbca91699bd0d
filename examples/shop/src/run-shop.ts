import { sendRequests } from '@otelware-examples/demo-kit';
import { WaterfallSpanExporter } from '@otelware/node';
import { startGateway } from './gateway';
import { startOrdersService } from './orders-service';
import { startShopTracing, type FlushableExporter } from './shop-tracing';
import { SHOP_REQUESTS } from './shop-requests';
import { startUsersService } from './users-service';

export interface ShopOptions {
  /** Where the answer lines and the waterfalls go. @default process.stdout */
  write?: (text: string) => void;
  /**
   * Where all three services' spans go.
   * @default the terminal waterfall, unless an OTLP endpoint is set in the environment:
   * then each service exports there itself, under its own service.name
   */
  exporter?: FlushableExporter;
}

const otlpConfigured = () =>
  Boolean(
    process.env.OTEL_EXPORTER_OTLP_ENDPOINT || process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT,
  );

/**
 * Starts users (Fastify), orders (Koa) and the gateway (Express) on free local ports,
 * sends the demo requests to the gateway, prints each trace after its answer, then
 * closes everything. Returns the statuses the gateway answered.
 */
export async function runShop(options: ShopOptions = {}): Promise<number[]> {
  const write = options.write ?? ((text: string) => void process.stdout.write(text));
  const exporter =
    options.exporter ?? (otlpConfigured() ? undefined : new WaterfallSpanExporter({ write }));
  const tracing = startShopTracing(exporter);
  const users = await startUsersService(tracing.users);
  const orders = await startOrdersService(tracing.orders, users.url);
  const gateway = await startGateway(tracing.gateway, {
    ordersUrl: orders.url,
    usersUrl: users.url,
  });
  try {
    return await sendRequests(gateway.url, SHOP_REQUESTS, { flush: tracing.flush, write });
  } finally {
    await Promise.all([gateway.close(), orders.close(), users.close()]);
    await tracing.shutdown();
  }
}
