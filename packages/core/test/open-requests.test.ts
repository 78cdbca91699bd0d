import { SpanStatusCode } from '@opentelemetry/api';
import { AlwaysOffSampler } from '@opentelemetry/sdk-trace';
import { ATTR_HTTP_RESPONSE_STATUS_CODE } from '@opentelemetry/semantic-conventions';
import { countSpanEnds, createTestProvider } from '@otelware/test-support';
import { EventEmitter } from 'node:events';
import { ATTR_OTELWARE_ABORTED, endOpenRequests, type HttpRequest } from '../src';
import { ServerTracer, type ClosableResponse } from '../src/adapter';

// How a tracer ends the requests its app closed without answering. No SDK is registered globally.

const scope = { name: '@otelware/core-test', version: '0.0.0' };

function requestTo(url: string): HttpRequest {
  return { method: 'GET', url, headers: { host: 'example.com' }, httpVersion: '1.1' };
}

/** A response that has written `statusCode` (or nothing) and has not finished. */
function openResponse(statusCode: number, headersSent: boolean): ClosableResponse {
  return Object.assign(new EventEmitter(), { statusCode, headersSent, writableFinished: false });
}

function tracerTracking() {
  const sdk = createTestProvider();
  const counted = countSpanEnds(sdk.provider);
  const tracer = new ServerTracer({ tracerProvider: counted.provider }, scope);
  return { sdk, ends: counted.ends, tracer };
}

describe('ServerTracer.endOpenRequests', () => {
  it('ends every open request as aborted, keeping a status already written', async () => {
    const { sdk, ends, tracer } = tracerTracking();
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
    const { sdk, ends, tracer } = tracerTracking();
    tracer.startRequest(requestTo('/answered'))?.end({ statusCode: 200 });
    tracer.startRequest(requestTo('/open'));
    tracer.endOpenRequests();
    tracer.endOpenRequests();
    const spans = await sdk.spans(2);
    expect(spans.map((span) => span.attributes[ATTR_OTELWARE_ABORTED])).toEqual([undefined, true]);
    expect([...ends.values()]).toEqual([1, 1]);
  });

  it('ends only the open requests of the tracer it is called on', async () => {
    const first = tracerTracking();
    const second = tracerTracking();
    first.tracer.startRequest(requestTo('/first'));
    const other = second.tracer.startRequest(requestTo('/second'));
    first.tracer.endOpenRequests();
    expect((await first.sdk.spans(1)).map((span) => span.attributes['url.path'])).toEqual([
      '/first',
    ]);
    expect(second.ends.size).toBe(0);
    other?.end({ statusCode: 200 });
  });
});

describe('endOpenRequests', () => {
  it('ends, as aborted, the open requests of every tracer in the process', async () => {
    const first = tracerTracking();
    const second = tracerTracking();
    first.tracer.startRequest(requestTo('/first'))?.endOnClose(openResponse(200, false));
    second.tracer.startRequest(requestTo('/second'))?.endOnClose(openResponse(503, true));
    endOpenRequests();
    const [fromFirst] = await first.sdk.spans(1);
    const [fromSecond] = await second.sdk.spans(1);
    expect([fromFirst, fromSecond].map((span) => span?.attributes[ATTR_OTELWARE_ABORTED])).toEqual([
      true,
      true,
    ]);
    expect(fromSecond?.attributes[ATTR_HTTP_RESPONSE_STATUS_CODE]).toBe(503);
    expect([...first.ends.values(), ...second.ends.values()]).toEqual([1, 1]);
  });

  it('keeps no request whose outcome is not recorded (unsampled, no metrics)', async () => {
    const sdk = createTestProvider(new AlwaysOffSampler());
    const counted = countSpanEnds(sdk.provider);
    const tracer = new ServerTracer({ tracerProvider: counted.provider }, scope);
    tracer.startRequest(requestTo('/unsampled'));
    endOpenRequests();
    expect(counted.ends.size).toBe(0);
  });
});
