import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LoginRequest, LoginResponseDto, OperatorRole } from '@switchboard/contracts';
import * as argon2 from 'argon2';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { queryOne } from '../database/sql-rows';
import { AppException } from '../http/app.exception';
import type { AuthenticatedOperator } from './authenticated-operator';
import { hashSessionToken, newSessionToken } from './session-token';

interface OperatorRow {
  id: string;
  account_id: string;
  email: string;
  name: string;
  role: OperatorRole;
  timezone: string;
  locale: string;
  password_hash: string;
}

@Injectable()
export class AuthService {
  /** Verified when the email is unknown, so response time does not reveal which emails exist. */
  private dummyHash: Promise<string> | null = null;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(req: LoginRequest): Promise<LoginResponseDto> {
    const row = await queryOne<OperatorRow>(
      this.ds.manager,
      'SELECT * FROM operators WHERE lower(email) = lower($1)',
      [req.email],
    );
    const hash =
      row?.password_hash ?? (await (this.dummyHash ??= argon2.hash('not-a-real-password')));
    const ok = await argon2.verify(hash, req.password).catch(() => false);
    if (!row || !ok) throw new AppException('UNAUTHENTICATED', 'Wrong email or password');
    const token = newSessionToken();
    await this.ds.query(
      `INSERT INTO operator_sessions (token_hash, operator_id, account_id, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(hours => $4))`,
      [hashSessionToken(token), row.id, row.account_id, this.config.SESSION_TTL_HOURS],
    );
    return {
      token,
      operator: {
        id: row.id,
        email: row.email,
        name: row.name,
        role: row.role,
        timezone: row.timezone,
        locale: row.locale,
      },
    };
  }

  async authenticate(token: string | undefined | null): Promise<AuthenticatedOperator | null> {
    if (!token || token.length > 200) return null;
    const row = await queryOne<Pick<OperatorRow, 'id' | 'account_id' | 'name' | 'email' | 'role'>>(
      this.ds.manager,
      `SELECT o.id, o.account_id, o.name, o.email, o.role
         FROM operator_sessions s JOIN operators o ON o.id = s.operator_id
        WHERE s.token_hash = $1 AND s.expires_at > now()`,
      [hashSessionToken(token)],
    );
    return row
      ? { id: row.id, accountId: row.account_id, name: row.name, email: row.email, role: row.role }
      : null;
  }

  async logout(token: string): Promise<void> {
    await this.ds.query('DELETE FROM operator_sessions WHERE token_hash = $1', [
      hashSessionToken(token),
    ]);
  }
}
