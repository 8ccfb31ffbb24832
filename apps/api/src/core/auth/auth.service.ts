import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ChangePasswordRequest, LoginRequest, OperatorDto } from '@switchboard/contracts';
import type { Request } from 'express';
import type { DataSource } from 'typeorm';
import { AuditLogService } from '../../modules/audit/audit-log.service';
import type { OperatorEntity } from '../../modules/operators/entities/operator.entity';
import { toOperatorDto } from '../../modules/operators/operators.mapper';
import { OperatorsRepository } from '../../modules/operators/operators.repository';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AppException } from '../http/app.exception';
import type { AuthenticatedOperator } from './authenticated-operator';
import { bearerToken } from './bearer-token';
import { CsrfToken } from './csrf-token';
import { LoginThrottleService } from './login-throttle.service';
import { OperatorPasswordsRepository } from './operator-passwords.repository';
import { OperatorSessionsRepository } from './operator-sessions.repository';
import { PasswordHasher } from './password-hasher';
import { SessionCookie } from './session-cookie';
import { SessionRevocationService } from './session-revocation.service';
import { hashSessionToken, newSessionToken } from './session-token';

/** A session as the server knows it: who, which token (hashed) and until when. */
export interface ActiveSession {
  operator: AuthenticatedOperator;
  token: string;
  tokenHash: Buffer;
  expiresAt: Date;
}

/** Where a request's session token came from: only a cookie needs the CSRF check. */
export interface RequestCredentials {
  token: string;
  via: 'bearer' | 'cookie';
}

export interface SignedIn {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  operator: OperatorDto;
}

@Injectable()
export class AuthService {
  private readonly csrf: CsrfToken;
  readonly cookie: SessionCookie;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly operators: OperatorsRepository,
    private readonly sessions: OperatorSessionsRepository,
    private readonly passwords: OperatorPasswordsRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottleService,
    private readonly revocation: SessionRevocationService,
    private readonly audit: AuditLogService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.csrf = new CsrfToken(config.APP_SECRET);
    this.cookie = new SessionCookie(config);
  }

  /**
   * Throttled per account and network before any hashing; the hash itself is bounded. Failures
   * against a real operator land in their account's audit log, successes too.
   */
  async login(req: LoginRequest, ip: string | undefined): Promise<SignedIn> {
    await this.throttle.assertAllowed(req.email, ip);
    const operator = await this.operators.findByEmailForLogin(req.email);
    const ok = await this.hasher.verify(operator?.passwordHash ?? null, req.password);
    // A deactivated operator is told the same as a wrong password: nothing to learn here.
    if (!operator || !ok || operator.deactivatedAt) {
      await this.throttle.recordFailure(req.email, ip);
      if (operator) {
        await this.audit.recordQuietly(
          {
            accountId: operator.accountId,
            action: 'auth.sign_in_failed',
            targetType: 'operator',
            targetId: operator.id,
            targetLabel: operator.email,
            details: { reason: 'wrong_password' },
          },
          { label: req.email, ip },
        );
      }
      throw new AppException('UNAUTHENTICATED', 'Wrong email or password');
    }
    await this.throttle.recordSuccess(req.email);
    return this.startSession(operator, req.session, ip);
  }

  /**
   * A new session for an operator whose identity was just proven (a password at sign-in, an
   * invitation accepted), audited as a sign-in.
   */
  async startSession(
    operator: OperatorEntity,
    kind: LoginRequest['session'],
    ip: string | undefined,
  ): Promise<SignedIn> {
    const token = newSessionToken();
    const expiresAt = await this.sessions.create(
      hashSessionToken(token),
      operator,
      this.config.SESSION_TTL_HOURS,
    );
    await this.audit.recordQuietly(
      {
        accountId: operator.accountId,
        action: 'auth.signed_in',
        details: { session: kind },
      },
      { operator, ip },
    );
    return {
      token,
      csrfToken: this.csrf.forSession(token),
      expiresAt,
      operator: toOperatorDto(operator),
    };
  }

  /** A bearer token wins over the cookie: API clients never need the CSRF header. */
  credentialsOf(req: Pick<Request, 'headers'>): RequestCredentials | null {
    const bearer = bearerToken(req.headers.authorization);
    if (bearer) return { token: bearer, via: 'bearer' };
    const cookie = this.cookie.read(req.headers.cookie);
    return cookie ? { token: cookie, via: 'cookie' } : null;
  }

  csrfTokenFor(token: string): string {
    return this.csrf.forSession(token);
  }

  csrfMatches(token: string, given: unknown): boolean {
    return this.csrf.matches(token, given);
  }

  async authenticateSession(token: string | undefined | null): Promise<ActiveSession | null> {
    if (!token || token.length > 200) return null;
    const tokenHash = hashSessionToken(token);
    const row = await this.sessions.findActive(tokenHash);
    if (!row) return null;
    return {
      operator: {
        id: row.id,
        accountId: row.accountId,
        name: row.name,
        email: row.email,
        role: row.role,
      },
      token,
      tokenHash,
      expiresAt: row.expiresAt,
    };
  }

  async authenticate(token: string | undefined | null): Promise<AuthenticatedOperator | null> {
    return (await this.authenticateSession(token))?.operator ?? null;
  }

  /** The operator of a request's session (bearer or cookie), for reads that need no CSRF check. */
  async authenticateRequest(req: Pick<Request, 'headers'>): Promise<AuthenticatedOperator | null> {
    return this.authenticate(this.credentialsOf(req)?.token);
  }

  /**
   * A socket handshake: a bearer token in `auth.token`, or the session cookie together with the
   * session's CSRF token in `auth.csrfToken` (a page of another site can open a socket with our
   * cookie, but cannot know that token).
   */
  async authenticateHandshake(
    auth: { token?: string; csrfToken?: string },
    cookieHeader: string | undefined,
  ): Promise<ActiveSession | null> {
    if (auth.token) return this.authenticateSession(auth.token);
    const cookie = this.cookie.read(cookieHeader);
    if (!cookie || !this.csrf.matches(cookie, auth.csrfToken)) return null;
    return this.authenticateSession(cookie);
  }

  /** Ends this session and, on every instance, its sockets. */
  async logout(session: ActiveSession, ip: string | undefined): Promise<void> {
    await this.revocation.endSession(session.tokenHash);
    await this.audit.recordQuietly(
      { accountId: session.operator.accountId, action: 'auth.signed_out' },
      { operator: session.operator, ip },
    );
  }

  /**
   * Checks the current password (throttled like a sign-in: a stolen session must not become a
   * password oracle), stores the new hash, and ends every other session of the operator with
   * their sockets. The session asking stays signed in.
   */
  async changePassword(
    session: ActiveSession,
    body: ChangePasswordRequest,
    ip: string | undefined,
  ): Promise<void> {
    const op = session.operator;
    await this.throttle.assertAllowed(op.email, ip);
    const current = await this.passwords.findHash(op.id);
    if (!current || !(await this.hasher.verify(current, body.currentPassword))) {
      await this.throttle.recordFailure(op.email, ip);
      throw new AppException('FORBIDDEN', 'The current password is not correct');
    }
    await this.throttle.recordSuccess(op.email);
    const hash = await this.hasher.hash(body.newPassword);
    const ended = await this.ds.transaction(async (em) => {
      await this.passwords.replaceHash(em, op.id, hash);
      return this.sessions.deleteOfOperator(em, op.id, session.tokenHash);
    });
    await this.revocation.announce(ended);
    await this.audit.recordQuietly(
      {
        accountId: op.accountId,
        action: 'auth.password_changed',
        targetType: 'operator',
        targetId: op.id,
        targetLabel: op.email,
        details: { endedSessions: ended?.tokenHashes.length ?? 0 },
      },
      { operator: op, ip },
    );
  }
}
