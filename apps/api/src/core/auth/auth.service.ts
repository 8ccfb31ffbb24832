import { Inject, Injectable } from '@nestjs/common';
import type { LoginRequest, LoginResponseDto } from '@switchboard/contracts';
import * as argon2 from 'argon2';
import { toOperatorDto } from '../../modules/operators/operators.mapper';
import { OperatorsRepository } from '../../modules/operators/operators.repository';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AppException } from '../http/app.exception';
import type { AuthenticatedOperator } from './authenticated-operator';
import { OperatorSessionsRepository } from './operator-sessions.repository';
import { hashSessionToken, newSessionToken } from './session-token';

@Injectable()
export class AuthService {
  /** Verified when the email is unknown, so response time does not reveal which emails exist. */
  private dummyHash: Promise<string> | null = null;

  constructor(
    private readonly operators: OperatorsRepository,
    private readonly sessions: OperatorSessionsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(req: LoginRequest): Promise<LoginResponseDto> {
    const operator = await this.operators.findByEmailForLogin(req.email);
    const hash =
      operator?.passwordHash ?? (await (this.dummyHash ??= argon2.hash('not-a-real-password')));
    const ok = await argon2.verify(hash, req.password).catch(() => false);
    if (!operator || !ok) throw new AppException('UNAUTHENTICATED', 'Wrong email or password');
    const token = newSessionToken();
    await this.sessions.create(hashSessionToken(token), operator, this.config.SESSION_TTL_HOURS);
    return { token, operator: toOperatorDto(operator) };
  }

  async authenticate(token: string | undefined | null): Promise<AuthenticatedOperator | null> {
    if (!token || token.length > 200) return null;
    const operator = await this.sessions.findOperatorOfActiveSession(hashSessionToken(token));
    return operator
      ? {
          id: operator.id,
          accountId: operator.accountId,
          name: operator.name,
          email: operator.email,
          role: operator.role,
        }
      : null;
  }

  async logout(token: string): Promise<void> {
    await this.sessions.delete(hashSessionToken(token));
  }
}
