import { context, metrics, propagation, trace } from '@opentelemetry/api';
import type { NodeTracing } from '../src';

const STARTED = Symbol.for('otelware.node.started');

/**
 * Shuts down a previous `start()` and forgets it (its global slot and the API
 * registrations), for the next test.
 */
export async function resetStart(): Promise<void> {
  const slot = globalThis as { [STARTED]?: { handle: NodeTracing } };
  await slot[STARTED]?.handle.shutdown();
  delete slot[STARTED];
  trace.disable();
  context.disable();
  propagation.disable();
  metrics.disable();
}
