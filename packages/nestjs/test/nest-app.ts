import 'reflect-metadata';
import type {
  ArgumentsHost,
  INestApplication,
  NestInterceptor,
  PipeTransform,
} from '@nestjs/common';
import type { TracingOptions } from '../src';
import { tracing } from '../src';
import type { Nest } from './frameworks';

export class PaymentDeclinedError extends Error {}

/** What the test app can add around its controller. */
export interface AppSetup {
  /** A global exception filter of the app's own, registered after `tracing(app)`. */
  readonly ownFilter?: boolean;
  /** `false` leaves tracing out, to compare the responses. */
  readonly traced?: boolean;
  readonly options?: TracingOptions;
}

/** Builds the test app's module with the given major's decorators. */
function appModule({ common }: Nest) {
  const { Controller, Get, Param, UseInterceptors, UsePipes } = common;

  class RejectingPipe implements PipeTransform {
    transform(): never {
      throw new RangeError('no such report');
    }
  }

  class RejectingInterceptor implements NestInterceptor {
    intercept(): never {
      throw new SyntaxError('quota table unreadable');
    }
  }

  @Controller('users')
  class UsersController {
    @Get(':id')
    find(@Param('id') id: string) {
      return { id };
    }

    @Get(':id/pay')
    pay(): never {
      throw new PaymentDeclinedError('card declined');
    }

    @Get(':id/missing')
    missing(): never {
      throw new common.NotFoundException('no such user');
    }

    @Get(':id/unavailable')
    unavailable(): never {
      throw new common.ServiceUnavailableException('try later');
    }

    @Get(':id/quota')
    @UseInterceptors(RejectingInterceptor)
    quota() {
      return 'never';
    }

    @Get(':id/report')
    @UsePipes(RejectingPipe)
    report(@Param('id') id: string) {
      return { id };
    }
  }

  @common.Module({ controllers: [UsersController] })
  class AppModule {}
  return AppModule;
}

/** A global filter of the app's own: answers every exception with 599 and its own body. */
function ownFilter({ common }: Nest, platform: 'express' | 'fastify') {
  @common.Catch()
  class OwnFilter {
    catch(exception: unknown, host: ArgumentsHost) {
      const response = host.switchToHttp().getResponse();
      const body = { own: true, type: (exception as Error).constructor.name };
      if (platform === 'express') response.status(599).json(body);
      else response.code(599).send(body);
    }
  }
  return new OwnFilter();
}

/** A real Nest app on the given platform, traced by `tracing(app)`, with the global prefix `api`. */
export async function nestApp(
  nest: Nest,
  platform: 'express' | 'fastify',
  setup: AppSetup = {},
): Promise<INestApplication> {
  const adapter =
    platform === 'express'
      ? new nest.platformExpress.ExpressAdapter()
      : new nest.platformFastify.FastifyAdapter();
  const app = await nest.core.NestFactory.create(appModule(nest), adapter, { logger: false });
  if (setup.traced !== false) await tracing(app, setup.options);
  app.setGlobalPrefix('api');
  if (setup.ownFilter) app.useGlobalFilters(ownFilter(nest, platform));
  await app.init();
  if (platform === 'fastify') await app.getHttpAdapter().getInstance().ready();
  return app;
}
