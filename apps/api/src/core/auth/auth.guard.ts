import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AppException } from '../http/app.exception';
import { AuthService, type ActiveSession } from './auth.service';
import type { AuthenticatedOperator } from './authenticated-operator';

export { bearerToken } from './bearer-token';

const PUBLIC_KEY = 'switchboard:public';
/** Marks a route that needs no operator session (login, webhooks, health, widget). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export type OperatorRequest = Request & {
  operator?: AuthenticatedOperator;
  sessionToken?: string;
  session?: ActiveSession;
};

/** Methods that change something: with a cookie session they need the CSRF header. */
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Global guard: every route needs a valid session unless marked @Public(). The session comes from
 * `Authorization: Bearer` (API clients) or the SPA's HttpOnly cookie; a cookie alone does not
 * authorise a change, which also needs the session's X-CSRF-Token (another site's form or fetch
 * can make the browser send the cookie, never that header).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly auth: AuthService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [
      ctx.getHandler(),
      ctx.getClass(),
    ]);
    if (isPublic) return true;
    const req = ctx.switchToHttp().getRequest<OperatorRequest>();
    const credentials = this.auth.credentialsOf(req);
    const session = await this.auth.authenticateSession(credentials?.token);
    if (!session || !credentials)
      throw new AppException('UNAUTHENTICATED', 'Sign in first: missing or expired session token');
    if (
      credentials.via === 'cookie' &&
      UNSAFE_METHODS.has(req.method) &&
      !this.auth.csrfMatches(credentials.token, req.headers['x-csrf-token'])
    ) {
      throw new AppException(
        'FORBIDDEN',
        'Missing or wrong X-CSRF-Token header: a change made with the session cookie must carry the token given at sign-in',
      );
    }
    req.operator = session.operator;
    req.sessionToken = session.token;
    req.session = session;
    return true;
  }
}
