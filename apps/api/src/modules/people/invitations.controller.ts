import { Body, Controller, HttpCode, Ip, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  acceptInvitationRequestSchema,
  invitationTokenRequestSchema,
  inviteOperatorRequestSchema,
  type AcceptInvitationRequest,
  type InvitationDto,
  type InvitationPreviewDto,
  type InvitationTokenRequest,
  type InviteOperatorRequest,
  type LoginResponseDto,
  type SessionDto,
} from '@switchboard/contracts';
import type { Request, Response } from 'express';
import { Public } from '../../core/auth/auth.guard';
import { AuthService } from '../../core/auth/auth.service';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../core/auth/current-operator.decorator';
import { ApiZodBody } from '../../core/http/api-zod.decorators';
import { AppException } from '../../core/http/app.exception';
import { parseWith } from '../../core/http/zod-validation.pipe';
import { InvitationsService } from './invitations.service';
import { requirePeopleAdmin } from './require-admin';

@ApiTags('people')
@Controller('invitations')
export class InvitationsController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly auth: AuthService,
  ) {}

  /** Answers with the one-time accept link, for the admin to pass on. */
  @ApiBearerAuth()
  @Post()
  @ApiZodBody(inviteOperatorRequestSchema)
  invite(
    @CurrentOperator() op: AuthenticatedOperator,
    @Body(parseWith(inviteOperatorRequestSchema)) body: InviteOperatorRequest,
    @Ip() ip: string,
  ): Promise<InvitationDto> {
    requirePeopleAdmin(op);
    return this.invitations.invite(op, body, ip);
  }

  /** What the accept page shows: which account, which email. */
  @Public()
  @Post('preview')
  @HttpCode(200)
  @ApiZodBody(invitationTokenRequestSchema)
  preview(
    @Body(parseWith(invitationTokenRequestSchema)) body: InvitationTokenRequest,
  ): Promise<InvitationPreviewDto> {
    return this.invitations.preview(body.token);
  }

  /** Creates the operator and signs them in, like POST /api/auth/login does. */
  @Public()
  @Post('accept')
  @HttpCode(200)
  @ApiZodBody(acceptInvitationRequestSchema)
  async accept(
    @Body(parseWith(acceptInvitationRequestSchema)) body: AcceptInvitationRequest,
    @Ip() ip: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginResponseDto | SessionDto> {
    // As at login: only a JSON request (never another site's form) may start a browser session.
    if (body.session === 'cookie' && !req.is('application/json'))
      throw new AppException(
        'FORBIDDEN',
        'A browser session is started only by a JSON request (Content-Type: application/json)',
      );
    const signedIn = await this.invitations.accept(body, ip);
    if (body.session === 'bearer') return { token: signedIn.token, operator: signedIn.operator };
    res.cookie(this.auth.cookie.name, signedIn.token, this.auth.cookie.options(signedIn.expiresAt));
    return {
      operator: signedIn.operator,
      csrfToken: signedIn.csrfToken,
      expiresAt: signedIn.expiresAt.toISOString(),
    };
  }
}
