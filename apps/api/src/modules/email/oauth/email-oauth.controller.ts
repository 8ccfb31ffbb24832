import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  completeEmailOAuthRequestSchema,
  startEmailOAuthRequestSchema,
  type CompleteEmailOAuthRequest,
  type EmailOAuthStartDto,
  type InboxDto,
  type StartEmailOAuthRequest,
} from '@switchboard/contracts';
import type { AuthenticatedOperator } from '../../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../../core/auth/current-operator.decorator';
import { ApiZodBody } from '../../../core/http/api-zod.decorators';
import { parseWith } from '../../../core/http/zod-validation.pipe';
import { requireAdmin } from '../../inboxes/inboxes.controller';
import { EmailOAuthFlowService } from './email-oauth-flow.service';

/**
 * "Connect Google/Microsoft" for email inboxes. The provider redirects the browser to the SPA
 * (PUBLIC_URL/oauth/email/callback), whose page posts what it got here with the admin's session.
 */
@ApiTags('inboxes')
@ApiBearerAuth()
@Controller('email-oauth')
export class EmailOAuthController {
  constructor(private readonly flow: EmailOAuthFlowService) {}

  /** Where to send the browser to sign in to the mailbox. */
  @Post('authorizations')
  @ApiZodBody(startEmailOAuthRequestSchema)
  start(
    @CurrentOperator() op: AuthenticatedOperator,
    @Body(parseWith(startEmailOAuthRequestSchema)) body: StartEmailOAuthRequest,
  ): Promise<EmailOAuthStartDto> {
    requireAdmin(op);
    return this.flow.start(op, body);
  }

  /** Finishes the sign-in: the inbox, created or reconnected, with its tokens sealed. */
  @Post('callback')
  @HttpCode(200)
  @ApiZodBody(completeEmailOAuthRequestSchema)
  complete(
    @CurrentOperator() op: AuthenticatedOperator,
    @Ip() ip: string,
    @Body(parseWith(completeEmailOAuthRequestSchema)) body: CompleteEmailOAuthRequest,
  ): Promise<InboxDto> {
    requireAdmin(op);
    return this.flow.complete(op, ip, body);
  }
}
