import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { OperatorsModule } from '../../modules/operators/operators.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { OperatorSessionsRepository } from './operator-sessions.repository';

@Global()
@Module({
  imports: [OperatorsModule],
  controllers: [AuthController],
  providers: [AuthService, OperatorSessionsRepository, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService],
})
export class AuthModule {}
