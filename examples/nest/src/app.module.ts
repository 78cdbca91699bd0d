import { Controller, Get, Module, NotFoundException, Param } from '@nestjs/common';
import { trace } from '@opentelemetry/api';

const tracer = trace.getTracer('example-nest');

class InventoryUnavailableError extends Error {}

@Controller('users')
class UsersController {
  @Get(':id')
  async find(@Param('id') id: string) {
    if (id === '0') throw new NotFoundException('no such user'); // a 404: not an error
    // a span of our own: a child of the request's span, no plumbing needed
    return tracer.startActiveSpan('load user', async (span) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      span.end();
      return { id, name: 'Ada' };
    });
  }
}

@Controller('orders')
class OrdersController {
  @Get('fail')
  fail(): never {
    // Nest's exception layer answers 500; the span records this exception
    throw new InventoryUnavailableError('the warehouse is on fire');
  }
}

@Module({ controllers: [UsersController, OrdersController] })
export class AppModule {}
