import { SpanStatusCode } from '@opentelemetry/api';
import { ATTR_HTTP_RESPONSE_STATUS_CODE } from '@opentelemetry/semantic-conventions';
import { countSpanEnds, createTestProvider } from '@otelware/test-support';
import { EventEmitter } from 'node:events';
import {
  ATTR_OTELWARE_ABORTED,
  ServerTracer,
  type ClosableResponse,
  type HttpRequest,
} from '../src';

// How a tracer ends the requests its app closed without answering. No SDK is registered globally.

const scope = { name: '@otelware/core-test', version: '0.0.0' };

function requestTo(url: string): HttpRequest {
  return { method: 'GET', url, headers: { host: 'example.com' }, httpVersion: '1.1' };
}

/** A response that has written `statusCode` (or nothing) and has not finished. */
function openResponse(statusCode: number, headersSent: boolean): ClosableResponse {
  return Object.assign(new EventEmitter(), { statusCode, headersSent, writableFinished: false });
}

function tracerTracking(tracksOpenRequests: boolean) {
  const sdk = createTestProvider();
  const counted = countSpanEnds(sdk.provider);
  const tracer = new ServerTracer({ tracerProvider: counted.provider }, scope, {
    tracksOpenRequests,
  });
  return { sdk, ends: counted.ends, tracer };
}

describe('ServerTracer.endOpenRequests', () => {
  it('ends every open request as aborted, keeping a status already written', async () => {
    const { sdk, ends, tracer } = tracerTracking(true);
    tracer.startRequest(requestTo('/silent'))?.endOnClose(openResponse(200, false));
    tracer.startRequest(requestTo('/half-written'))?.endOnClose(openResponse(202, true));
    tracer.endOpenRequests();
    const spans = await sdk.spans(2);
    expect(
      spans.map((span) => [
        span.attributes['url.path'],
        span.attributes[ATTR_OTELWARE_ABORTED],
        span.attributes[ATTR_HTTP_RESPONSE_STATUS_CODE],
        span.status.code,
      ]),
    ).toEqual([
      ['/silent', true, undefined, SpanStatusCode.UNSET],
      ['/half-written', true, 202, SpanStatusCode.UNSET],
    ]);
    expect([...ends.values()]).toEqual([1, 1]);
  });

  it('leaves alone a request that ended, and ends none twice when called again', async () => {
    const { sdk, ends, tracer } = tracerTracking(true);
    tracer.startRequest(requestTo('/answered'))?.end({ statusCode: 200 });
    tracer.startRequest(requestTo('/open'));
    tracer.endOpenRequests();
    tracer.endOpenRequests();
    const spans = await sdk.spans(2);
    expect(spans.map((span) => span.attributes[ATTR_OTELWARE_ABORTED])).toEqual([undefined, true]);
    expect([...ends.values()]).toEqual([1, 1]);
  });

  it('keeps no request for an adapter that does not ask for it', async () => {
    const { sdk, ends, tracer } = tracerTracking(false);
    tracer.startRequest(requestTo('/open'));
    tracer.endOpenRequests();
    await new Promise((resolve) => setImmediate(resolve));
    expect(sdk.exporter.getFinishedSpans()).toEqual([]);
    expect(ends.size).toBe(0);
  });
});
