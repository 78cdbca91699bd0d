import { trace } from '@opentelemetry/api';
import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { tap, type Observable } from 'rxjs';

/** The adapter's `recordError`: notes an error on the request's SERVER span. */
export type RecordError = (request: unknown, error: unknown) => void;

/**
 * A global interceptor that tells the request's SERVER span about the exception
 * a handler threw, before Nest's exception filters answer it: those filters reply
 * themselves, so the error never reaches an Express error handler or Fastify's
 * `onError`. It sees what the handler, its pipes and the interceptors registered
 * after it throw (Nest runs guards before interceptors). The error goes on
 * unchanged to the filters; the core records it only if the response is a 5xx.
 */
export class RecordExceptions implements NestInterceptor {
  constructor(private readonly recordError: RecordError) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    // no active span: no SDK, or a request the adapter does not trace
    if (context.getType() !== 'http' || trace.getActiveSpan() === undefined) return next.handle();
    const request: unknown = context.switchToHttp().getRequest();
    const { recordError } = this;
    return next.handle().pipe(tap({ error: (error: unknown) => recordError(request, error) }));
  }
}
