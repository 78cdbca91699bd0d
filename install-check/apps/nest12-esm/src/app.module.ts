// The app both platforms serve under the global prefix `api`: GET /api/users/:id answers
// {"id": …}, GET /api/boom throws a TypeError that Nest's exception layer answers with a 500.
import { Controller, Get, Module, Param } from '@nestjs/common';

@Controller('users')
class UsersController {
  @Get(':id')
  find(@Param('id') id: string): { id: string } {
    return { id };
  }
}

@Controller()
class BoomController {
  @Get('boom')
  boom(): never {
    throw new TypeError('boom');
  }
}

@Module({ controllers: [UsersController, BoomController] })
export class AppModule {}
