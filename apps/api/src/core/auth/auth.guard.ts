import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AppException } from '../http/app.exception';
import { AuthService } from './auth.service';
import type { AuthenticatedOperator } from './authenticated-operator';

const PUBLIC_KEY = 'switchboard:public';
/** Marks a route that needs no operator session (login, webhooks, health, widget). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export type OperatorRequest = Request & { operator?: AuthenticatedOperator; sessionToken?: string };

export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

/** Global guard: every route needs a valid session unless marked @Public(). */
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
    const token = bearerToken(req.headers.authorization);
    const operator = await this.auth.authenticate(token);
    if (!operator || !token)
      throw new AppException('UNAUTHENTICATED', 'Sign in first: missing or expired session token');
    req.operator = operator;
    req.sessionToken = token;
    return true;
  }
}
