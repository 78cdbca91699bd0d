import type { FromChild, ToChild } from '../messages';
import { registeredSdk, reportSpan } from './sdk';

function send(message: FromChild): void {
  process.send?.(message);
}

/** Waits for the response's `close` to end the span, then pushes the batch processor's queue out. */
async function takeSpans(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 50));
  const sdk = registeredSdk();
  if (sdk === undefined) return send({ type: 'spans', spans: [] });
  await sdk.provider.forceFlush();
  send({ type: 'spans', spans: sdk.exporter.take().map(reportSpan) });
}

/**
 * Answers the runner over IPC: keep and hand over the spans of the correctness
 * check, tell the CPU time used so far, and exit on request (`process.exit` lets
 * `--cpu-prof` write its profile).
 */
export function answerRunner(extra?: (message: ToChild) => void): void {
  process.on('message', (message: ToChild) => {
    if (message.type === 'keep-spans') {
      registeredSdk()?.exporter.keep();
      send({ type: 'keeping' });
    } else if (message.type === 'take-spans') {
      void takeSpans();
    } else if (message.type === 'cpu-usage') {
      const usage = process.cpuUsage();
      send({ type: 'cpu-usage', micros: usage.user + usage.system });
    } else if (message.type === 'exit') {
      process.exit(0);
    } else {
      extra?.(message);
    }
  });
  // the runner went away: never outlive it
  process.on('disconnect', () => process.exit(0));
}
