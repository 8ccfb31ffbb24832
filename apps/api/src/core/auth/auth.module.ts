import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { OperatorsModule } from '../../modules/operators/operators.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginThrottleRepository } from './login-throttle.repository';
import { LoginThrottleService } from './login-throttle.service';
import { OperatorPasswordsRepository } from './operator-passwords.repository';
import { OperatorSessionsRepository } from './operator-sessions.repository';
import { PasswordHasher } from './password-hasher';
import { SessionRevocationService } from './session-revocation.service';
import { SessionSockets } from './session-sockets';

@Global()
@Module({
  imports: [OperatorsModule],
  controllers: [AuthController],
  providers: [
    AuthService,
    OperatorSessionsRepository,
    OperatorPasswordsRepository,
    LoginThrottleRepository,
    LoginThrottleService,
    PasswordHasher,
    SessionRevocationService,
    SessionSockets,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService, PasswordHasher, SessionRevocationService, SessionSockets],
})
export class AuthModule {}
