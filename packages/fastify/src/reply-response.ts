import type { HttpResponse } from '@otelware/core';
import type { FastifyReply } from 'fastify';

/**
 * The answered response, as the core reads it when the span ends. Fastify hands
 * its headers to `writeHead` in one go, so `reply.raw.getHeader()` never sees
 * them; `reply.getHeader()` does (and falls back to the raw response). A class,
 * so each request costs one small object and no closure.
 */
class ReplyResponse implements HttpResponse {
  readonly statusCode: number;
  readonly headersSent: boolean;

  constructor(private readonly reply: FastifyReply) {
    this.statusCode = reply.raw.statusCode;
    this.headersSent = reply.raw.headersSent;
  }

  getHeader(name: string): number | string | string[] | undefined {
    return this.reply.getHeader(name);
  }
}

export function replyResponse(reply: FastifyReply): HttpResponse {
  return new ReplyResponse(reply);
}
