import { diag } from '@opentelemetry/api';
import type { TracingOptions } from '@otelware/core';
import request from 'supertest';
import { brokenHook, providerThrowingIn, throwingTracerProvider } from './never-breaks-suite';
import type { TestTracing } from './test-tracing';

/** A response as the suite compares it: status, headers without `Date`, body text. */
interface Answer {
  readonly status: number;
  readonly headers: Record<string, unknown>;
  readonly body: string;
}

/** A served app: what supertest's `request()` takes, and Fastify's `inject` where there is one. */
export interface ThrowingHooksApp {
  readonly target: Parameters<typeof request>[0];
  /** Answers a request without a socket (Fastify's `app.inject`). */
  inject?(injected: { method: 'POST'; url: string; payload: object }): Promise<{
    statusCode: number;
    headers: Record<string, unknown>;
    body: string;
  }>;
}

/** The adapter under test, as the throwing-hooks suite needs it. */
export interface ThrowingHooksSubject {
  /**
   * An app, traced with `options` or untraced when they are `undefined`, whose routes are
   * `POST /items/:id`, answering `201` with the header `x-item: <id>` and the JSON
   * `{ got: <request body> }`, and `GET /fail`, whose error the app's own error
   * handling answers with a 500.
   */
  serve(options: TracingOptions | undefined): ThrowingHooksApp | Promise<ThrowingHooksApp>;
  /** Requests of this framework's own, `[method, path]`, sent after the shared ones. */
  readonly moreRequests?: ReadonlyArray<readonly ['get' | 'delete', string]>;
  /** The names, sorted, of the server spans all the requests leave when every hook throws. */
  readonly spanNames: readonly string[];
}

function answer(status: number, headers: Record<string, unknown>, body: string): Answer {
  const { date: _date, ...rest } = headers;
  return { status, headers: rest, body };
}

/** The app's answers to a JSON-body POST, its own 500, the subject's own requests, an injected POST. */
async function exchange(subject: ThrowingHooksSubject, options: TracingOptions | undefined) {
  const app = await subject.serve(options);
  const responses = [
    await request(app.target).post('/items/5?q=1').send({ name: 'tea' }),
    await request(app.target).get('/fail'),
  ];
  for (const [method, path] of subject.moreRequests ?? []) {
    responses.push(await request(app.target)[method](path));
  }
  const answers = responses.map((r) => answer(r.status, r.headers, r.text));
  if (app.inject !== undefined) {
    const injected = await app.inject({ method: 'POST', url: '/items/6', payload: { a: 1 } });
    answers.push(answer(injected.statusCode, injected.headers, injected.body));
  }
  return answers;
}

/**
 * With throwing user hooks, a tracer provider that throws on `startSpan` or a span
 * processor that throws in `onStart` or `onEnd`, the app answers exactly as the
 * untraced app (all but `Date`): call it inside the adapter's `describe`. The app
 * serves `POST /items/:id` and `GET /fail` (see `ThrowingHooksSubject.serve`) and
 * whatever the subject's `moreRequests` ask for.
 */
export function throwingHooksSuite(otel: TestTracing, subject: ThrowingHooksSubject): void {
  // otelware reports its own failures through diag
  beforeAll(() => jest.spyOn(diag, 'error').mockImplementation(() => undefined));
  afterAll(() => jest.restoreAllMocks());

  it('answers byte-for-byte as untraced when every hook throws', async () => {
    const untraced = await exchange(subject, undefined);
    const traced = await exchange(subject, {
      ignore: brokenHook,
      spanName: brokenHook,
      requestHook: brokenHook,
      responseHook: brokenHook,
    });
    expect(traced).toEqual(untraced);
    const spans = await otel.serverSpans(subject.spanNames.length);
    expect(spans.map((span) => span.name).sort()).toEqual(subject.spanNames);
  });

  it('answers byte-for-byte as untraced when the tracer provider throws on startSpan', async () => {
    const untraced = await exchange(subject, undefined);
    const traced = await exchange(subject, { tracerProvider: throwingTracerProvider });
    expect(traced).toEqual(untraced);
    expect(otel.exporter.getFinishedSpans()).toEqual([]);
  });

  it.each(['onStart', 'onEnd'] as const)(
    'answers byte-for-byte as untraced when a span processor throws in %s',
    async (hook) => {
      const untraced = await exchange(subject, undefined);
      const traced = await exchange(subject, { tracerProvider: providerThrowingIn(hook) });
      expect(traced).toEqual(untraced);
    },
  );
}
