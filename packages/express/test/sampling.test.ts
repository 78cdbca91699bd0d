import { trace } from '@opentelemetry/api';
import { AlwaysOffSampler, ParentBasedSampler } from '@opentelemetry/sdk-trace';
import { createTestProvider, useTestTracing } from '@otelware/test-support';
import type { Request, Response } from 'express';
import request from 'supertest';
import { tracing } from '../src';
import { expressMajors } from './frameworks';

useTestTracing(); // context manager and propagators; spans go to per-test providers

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';

describe.each(expressMajors)('unsampled requests on Express $major', ({ express }) => {
  function app(provider: ReturnType<typeof createTestProvider>) {
    const created = express();
    created.use(
      tracing({
        tracerProvider: provider.provider,
        requestHook: () => {
          throw new Error('requestHook must not run for an unsampled span');
        },
      }),
    );
    created.get('/', (_req: Request, res: Response) => {
      const span = trace.getActiveSpan();
      res.json({
        traceId: span?.spanContext().traceId,
        sampled: span?.spanContext().traceFlags,
        recording: span?.isRecording(),
        closeListeners: res.listenerCount('close'),
      });
    });
    return created;
  }

  it('records nothing but still carries the incoming trace and its unsampled decision', async () => {
    const sdk = createTestProvider(new ParentBasedSampler({ root: new AlwaysOffSampler() }));
    const response = await request(app(sdk))
      .get('/')
      .set('traceparent', `00-${TRACE_ID}-00f067aa0ba902b7-00`)
      .expect(200);
    expect(response.body).toMatchObject({ traceId: TRACE_ID, sampled: 0, recording: false });
    expect(await sdk.spans(0)).toEqual([]);
  });

  it('adds no response listener for a span that is not recording', async () => {
    const sdk = createTestProvider(new AlwaysOffSampler());
    const traced = await request(app(sdk)).get('/').expect(200);
    const bare = express();
    bare.get('/', (_req: Request, res: Response) => {
      res.json({ closeListeners: res.listenerCount('close') });
    });
    const untraced = await request(bare).get('/').expect(200);
    expect(traced.body.closeListeners).toBe(untraced.body.closeListeners);
  });
});
