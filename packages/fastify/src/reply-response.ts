import type { HttpResponse } from '@otelware/core';
import type { FastifyReply } from 'fastify';

/**
 * The answered response, as the core reads it when the span ends. Fastify hands
 * its headers to `writeHead` in one go, so `reply.raw.getHeader()` never sees
 * them; `reply.getHeader()` does (and falls back to the raw response).
 */
export function replyResponse(reply: FastifyReply): HttpResponse {
  const { raw } = reply;
  return {
    statusCode: raw.statusCode,
    headersSent: raw.headersSent,
    getHeader: (name) => reply.getHeader(name),
  };
}
