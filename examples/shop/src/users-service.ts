import type { TracerProvider } from '@opentelemetry/api';
import { tracing } from '@otelware/fastify';
import Fastify from 'fastify';
import type { RunningService } from './running-service';

/** The user store failing, as it does for user 13. */
export class UserStoreError extends Error {
  // the exception event's type, as error.type already says
  override readonly name = 'UserStoreError';
}

const USERS: Record<string, { id: string; name: string }> = {
  '7': { id: '7', name: 'Ada' },
  '8': { id: '8', name: 'Grace' },
};

/** The users service, on Fastify: `GET /users/:id`. */
export async function startUsersService(tracerProvider: TracerProvider): Promise<RunningService> {
  const app = Fastify();
  await app.register(tracing, { tracerProvider });
  app.get<{ Params: { id: string } }>('/users/:id', async (request, reply) => {
    const { id } = request.params;
    if (id === '13') throw new UserStoreError('the user store timed out');
    return USERS[id] ?? reply.code(404).send({ error: `no user ${id}` });
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
}
