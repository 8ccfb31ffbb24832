import {
  Body,
  Controller,
  Get,
  HttpCode,
  Ip,
  Post,
  Req,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  changePasswordRequestSchema,
  loginRequestSchema,
  type ChangePasswordRequest,
  type LoginRequest,
  type LoginResponseDto,
  type OperatorDto,
  type SessionDto,
} from '@switchboard/contracts';
import type { Request, Response } from 'express';
import { toOperatorDto } from '../../modules/operators/operators.mapper';
import { OperatorsRepository } from '../../modules/operators/operators.repository';
import { ApiZodBody } from '../http/api-zod.decorators';
import { AppException } from '../http/app.exception';
import { parseWith } from '../http/zod-validation.pipe';
import { AuthService, type ActiveSession } from './auth.service';
import { Public, type OperatorRequest } from './auth.guard';
import type { AuthenticatedOperator } from './authenticated-operator';
import { CurrentOperator } from './current-operator.decorator';
import { RetryAfterInterceptor } from './retry-after.interceptor';

@ApiTags('auth')
@Controller('auth')
@UseInterceptors(RetryAfterInterceptor)
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly operators: OperatorsRepository,
  ) {}

  /**
   * `session: "bearer"` (default) answers with the token, for API clients. `session: "cookie"`
   * (the SPA) sets the HttpOnly session cookie and answers with the CSRF token instead, so no
   * script on the page ever holds the session.
   */
  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiZodBody(loginRequestSchema)
  async login(
    @Body(parseWith(loginRequestSchema)) body: LoginRequest,
    @Ip() ip: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginResponseDto | SessionDto> {
    // Another site's form can post here too (urlencoded) and would sign the browser into the
    // attacker's account; it cannot send JSON without a CORS preflight, which we never grant.
    if (body.session === 'cookie' && !req.is('application/json'))
      throw new AppException(
        'FORBIDDEN',
        'A browser session is started only by a JSON request (Content-Type: application/json)',
      );
    const signedIn = await this.auth.login(body, ip);
    if (body.session === 'bearer') return { token: signedIn.token, operator: signedIn.operator };
    res.cookie(this.auth.cookie.name, signedIn.token, this.auth.cookie.options(signedIn.expiresAt));
    return {
      operator: signedIn.operator,
      csrfToken: signedIn.csrfToken,
      expiresAt: signedIn.expiresAt.toISOString(),
    };
  }

  /** The signed-in operator and the session's CSRF token: how the SPA resumes after a reload. */
  @ApiBearerAuth()
  @Get('session')
  async session(@Req() req: OperatorRequest): Promise<SessionDto> {
    const session = activeSession(req);
    return {
      operator: await this.operatorDto(session.operator),
      csrfToken: this.auth.csrfTokenFor(session.token),
      expiresAt: session.expiresAt.toISOString(),
    };
  }

  @ApiBearerAuth()
  @Post('logout')
  @HttpCode(204)
  async logout(
    @Req() req: OperatorRequest,
    @Ip() ip: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.auth.logout(activeSession(req), ip);
    res.clearCookie(this.auth.cookie.name, this.auth.cookie.base());
  }

  /** Changes the password and ends every other session of the operator, sockets included. */
  @ApiBearerAuth()
  @Post('password')
  @HttpCode(204)
  @ApiZodBody(changePasswordRequestSchema)
  async changePassword(
    @Req() req: OperatorRequest,
    @Ip() ip: string,
    @Body(parseWith(changePasswordRequestSchema)) body: ChangePasswordRequest,
  ): Promise<void> {
    await this.auth.changePassword(activeSession(req), body, ip);
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentOperator() op: AuthenticatedOperator): Promise<OperatorDto> {
    return this.operatorDto(op);
  }

  private async operatorDto(op: AuthenticatedOperator): Promise<OperatorDto> {
    const operator = await this.operators.findPublicById(op.id);
    // Signed in a moment ago; should the operator have been deleted since, the body is empty.
    return (operator && toOperatorDto(operator)) as OperatorDto;
  }
}

function activeSession(req: OperatorRequest): ActiveSession {
  if (!req.session) throw new AppException('UNAUTHENTICATED', 'Sign in first');
  return req.session;
}
